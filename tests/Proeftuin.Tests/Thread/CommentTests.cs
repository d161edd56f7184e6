using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class CommentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> CommentAsync(Browser browser, int itemId, string text)
    {
        var page = await browser.OpenAsync($"/draad/{itemId}/reactie");
        return await browser.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = text });
    }

    [Fact]
    public async Task A_member_comments_edits_and_deletes_with_Markdown()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht om op te reageren");
        using var member = await factory.SignInAsync(team.Member.Email!);
        // Through the item page's own form.
        var page = await member.OpenAsync($"/draad/{insight}");
        using var posted = await member.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = "Mee **eens**. " + TestData.Script });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith($"/draad/{insight}#reactie-", Expect.LocationPath(posted), StringComparison.Ordinal);
        var comment = await factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.ItemId == insight));
        Assert.Equal(Perspective.Experience, comment.KnowledgeSource);
        Assert.Equal(Phase.Ideate, comment.Phase);
        Assert.Equal(team.Id, comment.ProjectId);

        using var anonymous = factory.NewBrowser();
        var shown = await anonymous.OpenAsync($"/draad/{insight}");
        Assert.Equal("eens", shown.Document.QuerySelector("#reacties strong")?.TextContent);
        Expect.ShownAsText(shown);
        Assert.DoesNotContain(shown.Forms, f => f.HasField("Input.Text"));

        var edit = await member.OpenAsync($"/reacties/{comment.Id}/bewerken");
        using (var r = await member.SubmitAsync(edit.FormFor("Input.Text"), new { Input_Text = "Toch *anders*." }))
            Expect.Redirect(r, $"/draad/{insight}#reactie-{comment.Id}");
        var row = await factory.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == comment.Id));
        Assert.Equal("<p>Toch <em>anders</em>.</p>", row.Html.Trim());
        Assert.NotNull(row.EditedAt);
        await Expect.FormErrorAsync(await member.SubmitAsync(edit.FormFor("Input.Text"), new { Input_Text = " " }), "Vul je reactie in.");

        using (var r = await member.SubmitAsync(edit.FormWithAction("handler=Delete"), new { }))
            Expect.Redirect(r, $"/draad/{insight}#reacties");
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == comment.Id)));
    }

    [Fact]
    public async Task Bad_comments_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        using var member = await factory.SignInAsync(team.Member.Email!);
        await Expect.FormErrorAsync(await CommentAsync(member, insight, ""), "Vul je reactie in.");
        await Expect.FormErrorAsync(await CommentAsync(member, insight, TestData.Long(5001)), "is te lang: maximaal 5000 tekens.");
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.ItemId == insight)));
        using (var r = await member.PostAsync("/draad/999999/reactie", new { Input_Text = "x" })) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await member.GetAsync("/reacties/999999/bewerken")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Who_may_not_comment_or_change_comments()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (await CommentAsync(member, insight, "Van het lid")) { }
        var commentId = await factory.WithDbAsync(db => db.Comments.Where(c => c.ItemId == insight).Select(c => c.Id).SingleAsync());

        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.PostAsync($"/draad/{insight}/reactie", new { Input_Text = "Mag niet" })) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.GetAsync($"/reacties/{commentId}/bewerken")) Expect.RedirectToSignIn(r);
        }
        foreach (var who in new[] { team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var r = await browser.PostAsync($"/draad/{insight}/reactie", new { Input_Text = "Mag niet" })) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await browser.PostAsync($"/reacties/{commentId}/bewerken", new { Input_Text = "Mag niet" })) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await browser.PostAsync($"/draad/{teamStory}/reactie", new { Input_Text = "Mag niet" })) Expect.Status(HttpStatusCode.NotFound, r);
        }
        // Another member may not; the facilitator may delete.
        var secondMember = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = secondMember.Id, Role = ProjectRole.Member, Perspective = Perspective.Professional, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using (var second = await factory.SignInAsync(secondMember.Email!))
        using (var r = await second.PostAsync($"/reacties/{commentId}/bewerken?handler=Delete", new { })) Expect.Status(HttpStatusCode.Forbidden, r);
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Text == "Mag niet")));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/reacties/{commentId}/bewerken?handler=Delete", new { })) Expect.Redirect(r, $"/draad/{insight}#reacties");
    }

    [Fact]
    public async Task Stories_take_comments_from_the_team_and_send_them_back_to_the_story_page()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var r = await CommentAsync(member, story, "Dank voor het delen.");
        Assert.StartsWith($"/verhalen/{story}#reactie-", Expect.LocationPath(r), StringComparison.Ordinal);
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, withdrawn: true);
        using (var w = await member.PostAsync($"/draad/{withdrawn}/reactie", new { Input_Text = "Te laat" })) Expect.Status(HttpStatusCode.NotFound, w);
    }
}
