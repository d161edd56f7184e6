using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Features.Stories;
using Proeftuin.Web;
using Proeftuin.Web.Mail;
using Proeftuin.Features;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddAccounts();
builder.AddMail();
builder.AddDutchFirstLocalization();
builder.AddRateLimits();
builder.AddWeb();
builder.AddUseCases();
builder.AddRealtime();

var app = builder.Build();

PublicUrl.EnsureConfigured(app);
await app.MigrateDatabaseAsync();
if (await AdminCommand.TryRunAsync(app, args)) return;
await app.EnsureAdminFromConfigurationAsync();
await app.SeedDemoDataAsync();

app.UseWebPipeline();
app.MapRazorPages();
app.MapProgrammesApi();
app.MapProjectsApi();
app.MapThreadApi();
app.MapStoriesApi();
Proeftuin.Features.Sessions.SessionsApi.MapSessionsApi(app);
app.MapPartnerLogos();
app.MapHub<Proeftuin.Features.Sessions.SessionHub>(Proeftuin.Features.Sessions.SessionHub.Path);
// The old Dutch path, for one release only (ADR 0018): pages still open from before the update keep their connection.
app.MapHub<Proeftuin.Features.Sessions.SessionHub>(Proeftuin.Features.Sessions.SessionHub.LegacyPath);
app.MapOperations();

await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
