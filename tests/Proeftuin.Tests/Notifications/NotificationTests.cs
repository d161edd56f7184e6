using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Notifications;

public sealed class NotificationTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_teller_with_an_account_gets_a_melding_and_a_mail_and_sees_what_happened()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teller = await factory.Data.UserAsync(perspective: Perspective.Experience);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Mijn verhaal", text: "Geheime details over mijn schulden.",
            tellerId: teller.Id, notifyByEmail: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Schulden maken eenzaam");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we schulden eerder zien?");
        await factory.LinkAsync(insight, question, LinkType.LeadsTo);

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.AddLinkAsync(story, insight)) Expect.Redirect(r, $"/verhalen/{story}#verbanden");

        var melding = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == teller.Id));
        Assert.Equal(story, melding.StoryId);
        Assert.Equal($"/verhalen/{story}/wat-is-ermee-gebeurd", melding.Url);
        Assert.Contains("Schulden maken eenzaam", melding.Text, StringComparison.Ordinal);

        var mail = factory.Mailbox.NewestTo(teller.Email!);
        Assert.DoesNotContain("Geheime details", mail.TextBody, StringComparison.Ordinal);
        var link = factory.Mailbox.LinkTo(teller.Email!, $"/verhalen/{story}/wat-is-ermee-gebeurd");

        using var browser = await factory.SignInAsync(teller.Email!);
        var home = await browser.OpenAsync("/");
        Assert.Contains(home.Document.QuerySelectorAll("header a"), a => a.GetAttribute("href") == "/meldingen" && a.TextContent.Contains("(1", StringComparison.Ordinal));
        var list = await browser.OpenAsync("/meldingen");
        Assert.Contains("Schulden maken eenzaam", list.MainText, StringComparison.Ordinal);
        using (var r = await browser.SubmitAsync(list.FormWithAction("handler=Read"), new { })) Expect.Redirect(r, "/meldingen");
        Assert.NotNull((await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == teller.Id))).ReadAt);

        var view = await browser.OpenAsync(link);
        Assert.Equal("Wat is er met mijn verhaal gebeurd?", view.H1);
        Assert.Contains("Schulden maken eenzaam", view.MainText, StringComparison.Ordinal);
        Assert.Contains("Hoe kunnen we schulden eerder zien?", view.MainText, StringComparison.Ordinal); // transitively
        Assert.Contains(team.Facilitator.DisplayName, view.MainText, StringComparison.Ordinal);
        Assert.Contains(view.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/draad/{insight}");
    }

    [Fact]
    public async Task A_teller_without_an_account_is_mailed_without_the_key_and_reads_with_it()
    {
        var facilitator = await factory.Data.UserAsync();
        var member = await factory.Data.UserAsync();
        var projectId = await factory.Data.ProjectAsync(visibility: Visibility.MembersOnly, members: [(facilitator, ProjectRole.Facilitator), (member, ProjectRole.Member)]);
        var key = Tokens.New();
        var address = TestData.UniqueEmail("verteller");
        var story = await factory.StoryAsync(projectId, ConsentScope.Team, tellerEmail: address, notifyByEmail: true, key: key);
        var need = await factory.ItemAsync(projectId, ItemKind.Need, "Behoefte aan een luisterend oor");

        using var browser = await factory.SignInAsync(member.Email!);
        using (var r = await browser.AddLinkAsync(need, story, direction: "to")) Expect.Redirect(r, $"/draad/{need}#verbanden");
        var mail = factory.Mailbox.NewestTo(address);
        Assert.DoesNotContain(key, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("persoonlijke link", mail.TextBody, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == story)));

        using var anonymous = factory.NewBrowser();
        var view = await anonymous.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd?sleutel={key}");
        Assert.Contains("Behoefte aan een luisterend oor", view.MainText, StringComparison.Ordinal);
        // The project is members only: no links into it for the teller.
        Assert.DoesNotContain(view.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/draad/{need}");
        foreach (var url in new[] { $"/verhalen/{story}/wat-is-ermee-gebeurd", $"/verhalen/{story}/wat-is-ermee-gebeurd?sleutel={Tokens.New()}", $"/verhalen/{story}/wat-is-ermee-gebeurd?sleutel=<script>" })
        {
            using var r = await anonymous.GetAsync(url);
            Expect.Status(HttpStatusCode.NotFound, r, url);
        }
        // The team member is not the teller.
        using (var r = await browser.GetAsync($"/verhalen/{story}/wat-is-ermee-gebeurd")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Nobody_is_told_about_withdrawn_stories_or_without_asking_for_mail()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teller = await factory.Data.UserAsync();
        var quiet = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: teller.Id, notifyByEmail: false);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.AddLinkAsync(insight, quiet, direction: "to")) Expect.Redirect(r, $"/draad/{insight}#verbanden");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == quiet)));
        Assert.Empty(factory.Mailbox.To(teller.Email!));

        // Withdrawn: no link can be made, no melding, no mail; an older melding disappears from the list.
        var address = TestData.UniqueEmail("weg");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: teller.Id, notifyByEmail: true, tellerEmail: address);
        await factory.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Proeftuin.Features.Notifications.Notification { UserId = teller.Id, Text = "Oude melding over ingetrokken verhaal", Url = "/", StoryId = withdrawn, CreatedAt = DateTime.UtcNow });
            var s = await db.Stories.SingleAsync(x => x.Id == withdrawn);
            s.WithdrawnAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        await Expect.FormErrorAsync(await facilitator.AddLinkAsync(insight, withdrawn), "Kies een onderdeel uit de lijst van dit project.");
        Assert.Empty(factory.Mailbox.To(address));
        using var tellerBrowser = await factory.SignInAsync(teller.Email!);
        var list = await tellerBrowser.OpenAsync("/meldingen");
        Assert.DoesNotContain("Oude melding over ingetrokken verhaal", list.MainText, StringComparison.Ordinal);
        using (var r = await tellerBrowser.GetAsync($"/verhalen/{withdrawn}/wat-is-ermee-gebeurd")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task The_facilitator_who_recorded_a_story_sees_what_happened_to_it()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team, recordedById: team.Facilitator.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Opgetekend inzicht");
        await factory.LinkAsync(story, insight, byId: team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Assert.Contains("Opgetekend inzicht", (await facilitator.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd")).MainText, StringComparison.Ordinal);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var r = await member.GetAsync($"/verhalen/{story}/wat-is-ermee-gebeurd");
        Expect.Status(HttpStatusCode.NotFound, r);
        using var none = await member.GetAsync("/verhalen/999999/wat-is-ermee-gebeurd");
        Expect.Status(HttpStatusCode.NotFound, none);
    }

    [Fact]
    public async Task The_meldingen_page_needs_sign_in()
    {
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync("/meldingen")) Expect.RedirectToSignIn(r, "/meldingen");
        using (var r = await anonymous.PostAsync("/meldingen?handler=Read", new { })) Expect.RedirectToSignIn(r);
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        Assert.Contains("Je hebt nog geen meldingen.", (await browser.OpenAsync("/meldingen")).MainText, StringComparison.Ordinal);
    }
}
