using Proeftuin.Data;
using Proeftuin.Features.Accounts;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

// The container's health check (Web/HealthProbe.cs): answered before anything else is set up.
if (await HealthProbe.TryRunAsync(args) is { } healthExit) return healthExit;

var builder = WebApplication.CreateBuilder(args);
builder.AddSecretFiles();

builder.AddData();
builder.AddAccounts();
builder.AddMail();
builder.AddDutchFirstLocalization();
builder.AddRateLimits();
builder.AddWeb();
builder.AddPageCache();
builder.AddCompression();
builder.AddRealtime();
builder.AddIdempotency();
builder.AddTelemetry();
// Every feature folder has one module; adding a feature adds one line here and touches no other shared file.
builder.AddFeatures(
    new Proeftuin.Features.Home.HomeModule(),
    new Proeftuin.Features.Accounts.AccountsModule(),
    new Proeftuin.Features.Admin.AdminModule(),
    new Proeftuin.Features.Audit.AuditModule(),
    new Proeftuin.Features.Programmes.ProgrammesModule(),
    new Proeftuin.Features.Projects.ProjectsModule(),
    new Proeftuin.Features.Members.MembersModule(),
    new Proeftuin.Features.News.NewsModule(),
    new Proeftuin.Features.Thread.ThreadModule(),
    new Proeftuin.Features.Stories.StoriesModule(),
    new Proeftuin.Features.Signification.SignificationModule(),
    new Proeftuin.Features.Notifications.NotificationsModule(),
    new Proeftuin.Features.Sessions.SessionsModule(),
    new Proeftuin.Features.Ideas.IdeasModule(),
    new Proeftuin.Features.Prototypes.PrototypesModule(),
    new Proeftuin.Features.Experiments.ExperimentsModule(),
    new Proeftuin.Features.Gates.GatesModule(),
    new Proeftuin.Features.Feedback.FeedbackModule(),
    new Proeftuin.Features.Lessons.LessonsModule(),
    new Proeftuin.Features.Learning.LearningModule(),
    new Proeftuin.Features.Journey.JourneyModule(),
    new Proeftuin.Features.Reflections.ReflectionsModule(),
    new Proeftuin.Features.MethodCards.MethodCardsModule(),
    new Proeftuin.Features.Review.ReviewModule(),
    new Proeftuin.Features.Moderation.ModerationModule(),
    new Proeftuin.Features.Activities.ActivitiesModule(),
    new Proeftuin.Features.Initiatives.InitiativesModule(),
    new Proeftuin.Features.Follows.FollowsModule(),
    new Proeftuin.Features.Offers.OffersModule(),
    new Proeftuin.Features.Dashboard.DashboardModule(),
    new Proeftuin.Features.Mine.MineModule(),
    new Proeftuin.Features.Privacy.PrivacyModule(),
    new Proeftuin.Features.Retention.RetentionModule());

var app = builder.Build();

// migrate, backup and restore (Data/DatabaseCommands.cs) touch the database before anything else does.
if (await DatabaseCommands.TryRunAsync(app, args)) return Environment.ExitCode;
PublicUrl.EnsureConfigured(app);
if (!await app.MigrateOrCheckAtStartAsync()) return Environment.ExitCode;
if (await AdminCommand.TryRunAsync(app, args)) return Environment.ExitCode;
if (await ScaleData.TryRunAsync(app, args)) return Environment.ExitCode;
await app.EnsureAdminFromConfigurationAsync();
await app.SeedDemoDataAsync();

app.UseWebPipeline();
// WithStaticAssets: ~/ links in pages become the fingerprinted, immutable asset URLs (Web/WebSetup.cs).
app.MapRazorPages().WithStaticAssets();
app.MapFeatures();
app.MapOperations();

await app.RunAsync();
return Environment.ExitCode;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
