namespace Proeftuin.Web;

/// <summary>
/// A background job that runs one pass of a use case (<typeparamref name="TPass"/>, in its own scope) every interval, on
/// the app's <see cref="TimeProvider"/> so a test clock drives it. A failed pass is logged and tried again at the next
/// interval; two nodes may run it at once, so each pass claims its work with conditional updates.
/// </summary>
public abstract class PeriodicJob<TPass>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TPass : notnull
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; the number of things it did, for the log.</summary>
    protected abstract Task<int> RunPassAsync(TPass pass, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var done = await RunPassAsync(scope.ServiceProvider.GetRequiredService<TPass>(), stoppingToken);
                if (done > 0) logger.LogInformation("{Pass}: {Count} sent", typeof(TPass).Name, done);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Pass} failed; it is tried again at the next interval", typeof(TPass).Name);
            }
        }
    }
}
