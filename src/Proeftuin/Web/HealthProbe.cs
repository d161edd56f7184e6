namespace Proeftuin.Web;

/// <summary>
/// <c>dotnet Proeftuin.dll health</c>: asks the app running in the same container for <c>/health</c> and exits 0 when it
/// answers 200 (Healthy, or Degraded without Redis), 1 otherwise. The container image has no curl or wget, so a
/// container health check (compose, Podman, Kubernetes exec probe) uses this. It runs before the app is built: no
/// configuration, no database, well under a second.
/// </summary>
public static class HealthProbe
{
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "health") return null;
        // The port the app listens on: the first of ASPNETCORE_HTTP_PORTS (8080 in the image), or the address given.
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split([';', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "8080";
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{port.Trim()}/health";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync("Gebruik: health [http://127.0.0.1:8080/health]");
            return 2;
        }
        // A redirect is an answer about another place, not about this node: it counts as unhealthy.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri);
            var body = await response.Content.ReadAsStringAsync();
            Console.WriteLine($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{uri}: {e.Message}");
            return 1;
        }
    }
}
