using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Home;

/// <summary>Issue 10, point 10: the short privacy page for residents, linked from every page and from the story form's consent text.</summary>
public sealed class PrivacyPageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Anyone_reads_what_we_keep_why_how_long_who_sees_it_and_their_rights()
    {
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync("/privacy");
        Assert.Equal("Privacy: wat we bewaren en waarom", page.H1);
        foreach (var heading in new[] { "Wat bewaren we?", "Waarom?", "Hoe lang?", "Wie ziet het?", "Wat kun je zelf doen?", "Vragen of klachten?" })
            Assert.Contains(page.Document.QuerySelectorAll("h2"), h => h.TextContent.Trim() == heading);
        // The periods are the configured ones.
        Assert.Contains("12 maanden na de sessie", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Het logboek: 24 maanden.", page.MainText, StringComparison.Ordinal);
        foreach (var right in new[] { "Je gegevens downloaden", "Je account verwijderen", "Een verhaal intrekken", "Minder toestemming geven" })
            Assert.Contains(right, page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/account");
        Assert.Contains("Autoriteit Persoonsgegevens", page.MainText, StringComparison.Ordinal);

        var home = await anonymous.OpenAsync("/");
        Assert.Contains(home.Document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/privacy");
    }

    [Fact]
    public async Task The_story_form_links_to_it_next_to_the_consent_choice()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        Assert.NotNull(form.Document.QuerySelector("#scope-hint a[href='/privacy']"));
        var token = await factory.ShareTokenAsync(team.Id);
        using var anonymous = factory.NewBrowser();
        var byLink = await anonymous.OpenAsync($"/delen/{token}");
        Assert.NotNull(byLink.Document.QuerySelector("#scope-hint a[href='/privacy']"));
    }

    [Fact]
    public async Task The_contact_comes_from_the_settings()
    {
        await using var custom = new ProeftuinFactory().WithSetting("Privacy:Contact", "privacy@gemeente.example.nl").WithSetting("Retention:GuestParticipantsMonths", "6");
        using var anonymous = custom.NewBrowser();
        var page = await anonymous.OpenAsync("/privacy");
        Assert.Contains("Mail naar privacy@gemeente.example.nl.", page.MainText, StringComparison.Ordinal);
        Assert.Contains("6 maanden na de sessie", page.MainText, StringComparison.Ordinal);
    }
}
