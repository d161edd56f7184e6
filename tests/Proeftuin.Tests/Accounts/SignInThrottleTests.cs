using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Proeftuin.Features.Accounts;

namespace Proeftuin.Tests.Accounts;

/// <summary>
/// Issue 9, point 18: after many wrong passwords a known address answers exactly like an unknown one, and a
/// stranger cannot lock the owner out (the pause is per address and client; the mailed link always works).
/// </summary>
public sealed partial class SignInThrottleTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string Paused = "Te veel mislukte pogingen met dit e-mailadres.";

    /// <summary>A browser whose requests come from this client address.</summary>
    private Browser From(string ip)
    {
        var cookies = new CookieContainer();
        var server = factory.Server;
        var handler = new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler(ctx => ctx.Connection.RemoteIpAddress = IPAddress.Parse(ip)) };
        return new Browser(factory, new HttpClient(handler) { BaseAddress = new Uri("http://localhost") }, cookies);
    }

    private static async Task<(HttpStatusCode Status, string Html)> PasswordAsync(Browser browser, string email, string password)
    {
        var page = await browser.OpenAsync("/inloggen");
        using var response = await browser.SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = email, Input_Password = password });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer without what differs by design: antiforgery tokens, request keys and the address typed (echoed in its field).</summary>
    private static string Normalise(string html, string email) =>
        Token().Replace(RequestKey().Replace(html, "KEY"), "TOKEN").Replace(email, "ADDRESS", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"__RequestKey\" value=\"[0-9a-f]+\"")]
    private static partial Regex RequestKey();

    [Fact]
    public async Task Known_and_unknown_addresses_get_identical_answers_before_and_after_the_pause()
    {
        var known = await factory.Data.UserAsync();
        var unknown = TestData.UniqueEmail("onbekend");
        using var a = From("10.9.0.1");
        using var b = From("10.9.0.2");
        for (var i = 0; i < PasswordThrottle.PerClient + 2; i++)
        {
            var forKnown = await PasswordAsync(a, known.Email!, "verkeerd-" + i);
            var forUnknown = await PasswordAsync(b, unknown, "verkeerd-" + i);
            Assert.Equal(forUnknown.Status, forKnown.Status);
            Assert.Equal(Normalise(forUnknown.Html, unknown), Normalise(forKnown.Html, known.Email!));
            Assert.Contains(i < PasswordThrottle.PerClient ? "Het e-mailadres of het wachtwoord klopt niet." : Paused, forKnown.Html, StringComparison.Ordinal);
        }
        // Paused, even the right password gets the same words as any password for an unknown address.
        var right = await PasswordAsync(a, known.Email!, TestData.Password);
        var any = await PasswordAsync(b, unknown, TestData.Password);
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal(any.Status, right.Status);
        Assert.Equal(Normalise(any.Html, unknown), Normalise(right.Html, known.Email!));
        Assert.Contains("Met een link per e-mail kun je meteen inloggen.", right.Html, StringComparison.Ordinal);
        // No lockout is written on the account: nothing about it differs from an unknown address.
        var row = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == known.Id).Select(u => new { u.LockoutEnd, u.AccessFailedCount }).SingleAsync());
        Assert.Null(row.LockoutEnd);
        Assert.Equal(0, row.AccessFailedCount);
    }

    [Fact]
    public async Task A_stranger_cannot_lock_the_owner_out()
    {
        var owner = await factory.Data.UserAsync();
        using (var stranger = From("10.9.1.1"))
        {
            for (var i = 0; i < PasswordThrottle.PerClient + 3; i++)
                await PasswordAsync(stranger, owner.Email!, "gok-" + i);
            var paused = await PasswordAsync(stranger, owner.Email!, TestData.Password);
            Assert.Contains(Paused, paused.Html, StringComparison.Ordinal);
            using var check = await stranger.GetAsync("/account");
            Assert.NotEqual(HttpStatusCode.OK, check.StatusCode);
        }
        // The owner, from their own device, signs in with the password as usual.
        using var own = From("10.9.1.2");
        var result = await PasswordAsync(own, owner.Email!, TestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        using var account = await own.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task Guessing_from_many_clients_pauses_passwords_for_everyone_but_the_link_keeps_working()
    {
        var owner = await factory.Data.UserAsync();
        for (var client = 0; client * PasswordThrottle.PerClient < PasswordThrottle.PerAddress; client++)
        {
            using var guesser = From($"10.9.2.{client + 1}");
            for (var i = 0; i < PasswordThrottle.PerClient; i++)
                await PasswordAsync(guesser, owner.Email!, $"gok-{client}-{i}");
        }
        using var own = From("10.9.2.200");
        var refused = await PasswordAsync(own, owner.Email!, TestData.Password);
        Assert.Contains(Paused, refused.Html, StringComparison.Ordinal);

        // The same neutral words promise the link, and the link works.
        var page = await own.OpenAsync("/inloggen/link");
        (await own.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = owner.Email })).Dispose();
        using (var signedIn = await own.PostAsync(factory.Mailbox.LinkTo(owner.Email!, "/inloggen/link/")))
            Expect.Redirect(signedIn, "/mijn");
        using var account = await own.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task The_pause_ends_after_fifteen_minutes()
    {
        var owner = await factory.Data.UserAsync();
        using var browser = From("10.9.3.1");
        for (var i = 0; i < PasswordThrottle.PerClient; i++)
            await PasswordAsync(browser, owner.Email!, "fout-" + i);
        Assert.Contains(Paused, (await PasswordAsync(browser, owner.Email!, TestData.Password)).Html, StringComparison.Ordinal);
        factory.Clock.Advance(PasswordThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordAsync(browser, owner.Email!, TestData.Password)).Status);
    }

    [Fact]
    public async Task Requesting_a_link_answers_identically_for_known_and_unknown_addresses()
    {
        var known = await factory.Data.UserAsync();
        var unknown = TestData.UniqueEmail("onbekend");
        using var a = From("10.9.4.1");
        using var b = From("10.9.4.2");
        async Task<(HttpStatusCode, string)> RequestAsync(Browser browser, string email)
        {
            var page = await browser.OpenAsync("/inloggen/link");
            using var response = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = email });
            return (response.StatusCode, Normalise(await response.Content.ReadAsStringAsync(), email));
        }
        Assert.Equal(await RequestAsync(b, unknown), await RequestAsync(a, known.Email!));
        Assert.Single(factory.Mailbox.To(known.Email!));
        Assert.Empty(factory.Mailbox.To(unknown));
    }
}
