using System.Diagnostics;
using Proeftuin.Data;

namespace Proeftuin.FaultTests;

/// <summary>
/// The deployment of deploy/ (issue 17) on loopback: PostgreSQL, Redis, <c>migrate</c> run once, two app nodes that do
/// not migrate themselves, and nginx from Debian's packages with the deployment's own template in front (TLS with a
/// self-signed certificate, WebSockets, forwarded headers the nodes believe from 127.0.0.1 only). Pages and sign-in work
/// through the proxy on both nodes, plain http is sent to https by the app, and a live-session screen connected through
/// the proxy's WebSocket hears post-its written on either node.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ProxyTests(FaultServices services, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_nodes_behind_nginx_serve_over_https_and_a_screen_through_its_websocket_hears_both_nodes()
    {
        await using var redis = await RedisServer.StartAsync();
        using var database = Database.Postgres(services.Postgres);
        await using var proxy = await NginxProxy.PrepareAsync();
        var prefix = "proxy-" + Guid.NewGuid().ToString("N")[..8];
        AppProcess Node() => new AppProcess(database, redis.Configuration, prefix)
            .With("App__PublicUrl", proxy.HttpsUri.ToString().TrimEnd('/'))
            .With("App__HttpsRedirect", "true")
            .With("ForwardedHeaders__KnownProxies__0", "127.0.0.1")
            .With("Database__MigrateAtStart", "false");
        await using var a = Node();
        await using var b = Node();
        // As deploy/compose.yaml does it: one 'migrate' before any node starts.
        var (code, printed) = await a.RunCommandAsync("migrate");
        Assert.True(code == 0, printed);
        await a.StartAsync();
        await b.StartAsync();
        await proxy.StartAsync(a, b);
        var scenario = await Scenario.SeedAsync(database, noteGuests: 3, voteGuests: 1);

        // Pages over https through the proxy; the nodes believe its X-Forwarded-Proto, so no redirect loop. (No HSTS to see
        // here: ASP.NET Core never sends it to 127.0.0.1 or localhost.)
        using var visitor = new Person(proxy.HttpsUri, proxyCertificate: proxy.Thumbprint);
        for (var i = 0; i < 4; i++)
        {
            using var page = await visitor.GetAsync("/inloggen");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode} through the proxy\n{proxy.ErrorLog}");
        }
        // Plain http through the proxy: the app sends the person to the public https address.
        using (var plain = new Person(proxy.HttpUri))
        using (var redirect = await plain.GetAsync("/programmas"))
        {
            Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
            Assert.Equal(new Uri(proxy.HttpsUri, "/programmas"), redirect.Headers.Location);
        }
        // A sign-in through the proxy holds on both nodes (round robin): the keys are shared through the database.
        using var member = new Person(proxy.HttpsUri, proxyCertificate: proxy.Thumbprint);
        await member.SignInAsync(scenario.StoryWriters[0], DemoData.Password);
        for (var i = 0; i < 4; i++)
        {
            using var mine = await member.GetAsync($"/projecten/{scenario.ProjectId}");
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        }

        // A screen through the proxy's WebSocket (negotiating first, as a browser does) hears post-its from both nodes.
        using var throughProxy = new Person(proxy.HttpsUri, proxyCertificate: proxy.Thumbprint);
        throughProxy.HoldGuestKey(scenario.NotesSessionId, scenario.NoteGuests[0].Key);
        await using var screen = await Screen.OpenAsync(throughProxy, proxy.HttpsUri, scenario.NotesSessionId);
        foreach (var (node, name, writer) in new[] { (a, "A", scenario.NoteGuests[1]), (b, "B", scenario.NoteGuests[2]) })
        {
            using var direct = Scenario.AsGuest(node.BaseUri, scenario.NotesSessionId, writer);
            // Straight to the node, as the proxy would pass it on (127.0.0.1 is the proxy the nodes trust).
            direct.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            var text = $"Via node {name} " + Guid.NewGuid().ToString("N")[..6];
            var watch = Stopwatch.StartNew();
            using var response = await direct.PostJsonAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes", new { text });
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} writing on node {name}");
            Assert.True(await screen.HearsAsync(text, TimeSpan.FromSeconds(10)), $"the screen behind the proxy did not hear node {name}'s post-it\n{a.Log}\n{b.Log}");
            output.WriteLine($"node {name}'s post-it heard through the proxy after {watch.ElapsedMilliseconds} ms");
        }
        // And a post-it written through the proxy's WebSocket itself.
        var own = "Door de proxy " + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await screen.AddNoteAsync(own, TimeSpan.FromSeconds(15))).Ok);
        Assert.True(await screen.HearsAsync(own, TimeSpan.FromSeconds(10)));
        Assert.Equal("", proxy.ErrorLog.Trim());
    }
}
