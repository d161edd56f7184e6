using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>
/// nginx from Debian's packages in front of app nodes, with the deployment's own template
/// (deploy/nginx/templates/proeftuin.conf.template) filled in as envsubst would, a self-signed certificate, and its own
/// ports and folder on loopback.
/// </summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private readonly string dir;
    private readonly Processes.Tail log = new(50);
    private Process? process;

    private NginxProxy(string dir)
    {
        this.dir = dir;
        HttpPort = Processes.FreePort();
        HttpsPort = Processes.FreePort();
    }

    public int HttpPort { get; }
    public int HttpsPort { get; }
    public Uri HttpsUri => new($"https://127.0.0.1:{HttpsPort}/");
    public Uri HttpUri => new($"http://127.0.0.1:{HttpPort}/");
    /// <summary>The SHA-1 thumbprint of its self-signed certificate: the one certificate the test's clients trust.</summary>
    public string Thumbprint { get; private set; } = "";

    /// <summary>Ports and a certificate; <see cref="StartAsync"/> starts it once the nodes' ports are known.</summary>
    public static async Task<NginxProxy> PrepareAsync()
    {
        if (!File.Exists("/usr/sbin/nginx"))
            throw new InvalidOperationException("The deployment test needs nginx: apt-get install nginx (test.sh does this).");
        var dir = Path.Combine(Path.GetTempPath(), "proeftuin-nginx-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var proxy = new NginxProxy(dir);
        await Processes.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
            "-keyout", Path.Combine(dir, "key.pem"), "-out", Path.Combine(dir, "cert.pem")], TimeSpan.FromSeconds(30));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(Path.Combine(dir, "cert.pem"));
        proxy.Thumbprint = certificate.Thumbprint;
        return proxy;
    }

    /// <summary>Fills in the template for these nodes and starts nginx in the foreground; waits until it listens.</summary>
    public async Task StartAsync(params AppProcess[] nodes)
    {
        var values = new Dictionary<string, string>
        {
            ["PROEFTUIN_UPSTREAM"] = string.Join(" ", nodes.Select(n => $"server 127.0.0.1:{n.Port};")),
            ["PROEFTUIN_SERVER_NAME"] = "127.0.0.1",
            ["PROEFTUIN_HTTP_PORT"] = $"127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}",
            ["PROEFTUIN_HTTPS_PORT"] = $"127.0.0.1:{HttpsPort.ToString(CultureInfo.InvariantCulture)}",
            ["PROEFTUIN_TLS_CERTIFICATE"] = Path.Combine(dir, "cert.pem"),
            ["PROEFTUIN_TLS_KEY"] = Path.Combine(dir, "key.pem"),
        };
        var template = await File.ReadAllTextAsync(TemplatePath);
        var site = Variable().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v
            : throw new InvalidOperationException($"The template uses ${{{m.Groups[1].Value}}}, which the deployment does not set."));
        await File.WriteAllTextAsync(Path.Combine(dir, "proeftuin.conf"), site);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            var path = Path.Combine(dir, "temp", temp);
            Directory.CreateDirectory(path);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
        }
        var t = Path.Combine(dir, "temp");
        await File.WriteAllTextAsync(Path.Combine(dir, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            daemon off;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{t}}/body;
                proxy_temp_path {{t}}/proxy;
                fastcgi_temp_path {{t}}/fastcgi;
                uwsgi_temp_path {{t}}/uwsgi;
                scgi_temp_path {{t}}/scgi;
                include {{dir}}/proeftuin.conf;
            }
            """);
        await Processes.RunAsync("/usr/sbin/nginx", ["-t", "-q", "-p", dir, "-c", Path.Combine(dir, "nginx.conf")], TimeSpan.FromSeconds(20));
        var info = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-p", dir, "-c", Path.Combine(dir, "nginx.conf") }) info.ArgumentList.Add(a);
        process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await Processes.WaitUntilAsync(() => Task.FromResult(Processes.Listening(HttpsPort) && Processes.Listening(HttpPort)), TimeSpan.FromSeconds(15)))
            throw new InvalidOperationException($"nginx did not listen within 15 s:\n{log}\n{ErrorLog}");
    }

    public string ErrorLog => File.Exists(Path.Combine(dir, "error.log")) ? File.ReadAllText(Path.Combine(dir, "error.log")) : "";

    private static string TemplatePath
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Proeftuin.slnx"))) root = root.Parent;
            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Proeftuin.slnx not found"),
                "deploy", "nginx", "templates", "proeftuin.conf.template");
        }
    }

    [GeneratedRegex(@"\$\{(PROEFTUIN_[A-Z_]+)\}")]
    private static partial Regex Variable();

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(cts.Token);
            process.Dispose();
        }
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
