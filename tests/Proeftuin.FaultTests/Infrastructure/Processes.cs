using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>Small process and port helpers: every wait is bounded, every failure says what ran and what it printed.</summary>
public static class Processes
{
    /// <summary>Runs a command to its end (at most <paramref name="timeout"/>) and returns its output; throws when it fails.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s.");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>Runs as the postgres user when we are root (PostgreSQL refuses to run as root), else as ourselves.</summary>
    public static Task<string> RunAsPostgresAsync(string file, IEnumerable<string> args, TimeSpan timeout) =>
        IsRoot ? RunAsync("runuser", new[] { "-u", "postgres", "--", file }.Concat(args), timeout) : RunAsync(file, args, timeout);

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something accepts connections on 127.0.0.1:port.</summary>
    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until <paramref name="ready"/> holds, checking every 100 ms, for at most <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (await ready()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>The last lines a process printed, kept for failure messages.</summary>
    public sealed class Tail(int lines = 200)
    {
        private readonly Queue<string> queue = new();

        public void Add(string? line)
        {
            if (line is null) return;
            lock (queue)
            {
                queue.Enqueue(line);
                while (queue.Count > lines) queue.Dequeue();
            }
        }

        public override string ToString()
        {
            lock (queue)
            {
                var text = new StringBuilder();
                foreach (var line in queue) text.AppendLine(line);
                return text.ToString();
            }
        }
    }
}
