using Proeftuin.Features.Accounts;

namespace Proeftuin.Data;

/// <summary>
/// The database made ready at start (migrations, the first admin, the demo data) while the web pipeline is mapped and
/// Kestrel starts: building EF's model alone takes about a second of a cold start on two cores (ADR 0029). Requests
/// wait for it (<see cref="DataReadySetup.UseDataReady"/>), and so does background work that reads the database.
/// </summary>
public sealed class DataReady
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync(CancellationToken ct = default) => ready.Task.WaitAsync(ct);

    /// <summary>Prepares in the background. A failure stops the app, and the returned task carries it.</summary>
    public Task PrepareAsync(WebApplication app) => Task.Run(async () =>
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.MigrateDatabaseAsync();
            await app.EnsureAdminFromConfigurationAsync();
            await app.SeedDemoDataAsync();
            ready.TrySetResult();
        }
        catch (Exception e)
        {
            ready.TrySetException(e);
            app.Lifetime.StopApplication();
            throw;
        }
    });
}

public static class DataReadySetup
{
    /// <summary>First in the pipeline: no request reaches a database that is not migrated yet.</summary>
    public static WebApplication UseDataReady(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var data = app.Services.GetRequiredService<DataReady>();
        app.Use(async (context, next) =>
        {
            await data.WaitAsync(context.RequestAborted);
            await next(context);
        });
        return app;
    }
}
