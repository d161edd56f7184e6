using Microsoft.Extensions.Options;

namespace Proeftuin.Features.Retention;

/// <summary>
/// Runs <see cref="ApplyRetention"/> a minute after start (<see cref="FirstRunDelay"/>) and then every <see cref="RetentionOptions.IntervalHours"/> hours, on the
/// app's <see cref="TimeProvider"/> (so a test clock drives it). Off with Retention:Enabled=false. A failed run is
/// logged and tried again at the next interval; it never stops the app.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Retention job is off (Retention:Enabled=false)");
            return;
        }
        // Not while the app starts: the first run would take CPU from the first pages (a cold start on two cores).
        try
        {
            await Task.Delay(FirstRunDelay, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunAsync(ct);
            logger.LogInformation("Retention applied: {Removed} rows removed or made anonymous ({Detail})", result.Total, result.Detail);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Retention run failed; it is tried again at the next interval");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
