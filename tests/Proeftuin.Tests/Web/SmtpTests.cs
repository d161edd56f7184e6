using System.Net.Sockets;
using System.Text;

namespace Proeftuin.Tests.Web;

/// <summary>With Mail:SmtpHost set, mail leaves over SMTP (MailKit), here to a small SMTP server on loopback.</summary>
public sealed class SmtpTests
{
    [Fact]
    public async Task Sign_in_link_is_delivered_over_smtp()
    {
        using var smtp = new SmtpSink();
        await using var factory = new ProeftuinFactory()
            .WithSetting("Mail:SmtpHost", "127.0.0.1")
            .WithSetting("Mail:SmtpPort", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Mail:SmtpStartTls", "false");
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen/link");
        using (var response = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = user.Email }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var message = await smtp.NextAsync();
        Assert.Contains($"RCPT TO:<{user.Email}>", message.Envelope, StringComparison.OrdinalIgnoreCase);
        var link = Mailbox.ExtractLink(MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message.Data))).TextBody ?? "", "/inloggen/link/");
        Assert.NotNull(link);
        Assert.Empty(factory.Mailbox.All()); // nothing went to the pickup folder
        using var signedIn = await browser.PostAsync(link);
        Expect.Redirect(signedIn, "/mijn");
    }

    [Fact]
    public async Task A_mail_server_that_is_down_gives_the_same_answer_and_no_error_page()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var factory = new ProeftuinFactory()
            .WithSetting("Mail:SmtpHost", "127.0.0.1")
            .WithSetting("Mail:SmtpPort", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Mail:SmtpStartTls", "false");
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen/link");
        using var response = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = user.Email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Just enough SMTP (RFC 5321) to accept one message at a time.</summary>
    private sealed class SmtpSink : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly System.Threading.Channels.Channel<(string Envelope, string Data)> received = System.Threading.Channels.Channel.CreateUnbounded<(string, string)>();
        private readonly CancellationTokenSource stop = new();

        public SmtpSink()
        {
            listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public async Task<(string Envelope, string Data)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await received.Reader.ReadAsync(timeout.Token);
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (OperationCanceledException) { return; }
                catch (ObjectDisposedException) { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                var envelope = new StringBuilder();
                await writer.WriteLineAsync("220 localhost test SMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 localhost");
                            break;
                        case "MAIL" or "RCPT":
                            envelope.AppendLine(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                                data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                            await received.Writer.WriteAsync((envelope.ToString(), data.ToString()));
                            envelope.Clear();
                            await writer.WriteLineAsync("250 OK: queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }
    }
}
