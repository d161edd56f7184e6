using Proeftuin.Features.Ideas;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;
using static Proeftuin.Tests.Ideas.IdeaData;

namespace Proeftuin.Tests.Ideas;

/// <summary>"Ik steun dit idee": one per person, withdrawable, under the member's perspective or the one a non-member chose.</summary>
public sealed class IdeaSupportTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_member_supports_once_under_their_perspective_and_can_take_it_back()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een maatje voor wie net verhuisd is");
        using var member = await factory.SignInAsync(team.Member.Email!);

        var page = await member.OpenAsync($"/ideeen/{idea}");
        Assert.Contains("Nog niemand steunt dit idee.", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Je steun telt mee als ervaringskennis: jouw kennisbron in dit project.", page.MainText, StringComparison.Ordinal);
        // A member does not choose: the form has no perspective to pick.
        Assert.Null(page.Document.QuerySelector("input[name='SupportInput.Perspective']"));
        var form = page.Forms.Single(f => f.Element.GetAttribute("action")!.Contains("handler=Support", StringComparison.Ordinal));
        // Even a perspective sent by hand does not change what a member counts as.
        using (var r = await member.SubmitAsync(form, new { SupportInput_Perspective = "Scientific" })) Expect.Redirect(r, $"/ideeen/{idea}#steun");
        var support = Assert.Single(await factory.SupportsAsync(idea));
        Assert.Equal((team.Member.Id, Perspective.Experience, team.Id), (support.UserId, support.Perspective, support.ProjectId));

        var again = await member.OpenAsync($"/ideeen/{idea}");
        Assert.Contains("1 persoon steunt dit idee.", again.MainText, StringComparison.Ordinal);
        Assert.Contains("Je steunt dit idee.", again.MainText, StringComparison.Ordinal);
        // Twice is refused, nothing added.
        await Expect.FormErrorAsync(await member.PostAsync(Handler(idea, "Support"), new { }), SupportIdea.Already);
        Assert.Single(await factory.SupportsAsync(idea));

        using (var r = await member.SubmitAsync(again.FormWithAction("handler=Withdraw"), new { })) Expect.Redirect(r, $"/ideeen/{idea}#steun");
        Assert.Empty(await factory.SupportsAsync(idea));
        await Expect.FormErrorAsync(await member.PostAsync(Handler(idea, "Withdraw"), new { }), SupportIdea.NotSupported);
    }

    [Fact]
    public async Task Someone_outside_the_team_chooses_the_knowledge_they_bring_and_observers_support_as_what_they_are()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een wijkbus naar de markt");
        var resident = await factory.Data.UserAsync(perspective: Perspective.Professional);
        using var outsider = await factory.SignInAsync(resident.Email!);

        var page = await outsider.OpenAsync($"/ideeen/{idea}");
        var radios = page.Document.QuerySelectorAll("input[name='SupportInput.Perspective']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(["Experience", "Professional", "Scientific"], radios);
        Assert.NotNull(page.Document.QuerySelector("fieldset#SupportInput_Perspective legend"));
        var before = await factory.SnapshotAsync(idea);
        await Expect.FormErrorAsync(await outsider.PostAsync(Handler(idea, "Support"), new { }), SupportIdea.ChoosePerspective);
        foreach (var wrong in new[] { "7", "Ervaringskennis", "<script>", "" })
            await Expect.FormErrorAsync(await outsider.PostAsync(Handler(idea, "Support"), new { SupportInput_Perspective = wrong }), SupportIdea.ChoosePerspective);
        Assert.Equal(before, await factory.SnapshotAsync(idea));

        using (var r = await outsider.SubmitAsync(page.FormWithAction("handler=Support"), new { SupportInput_Perspective = "Experience" })) Expect.Redirect(r, $"/ideeen/{idea}#steun");
        // An observer is a member: their project perspective counts (Scientific in TeamProjectAsync).
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        using (var r = await observer.PostAsync(Handler(idea, "Support"), new { SupportInput_Perspective = "Experience" })) Expect.Redirect(r, $"/ideeen/{idea}#steun");
        Assert.Equal([(resident.Id, Perspective.Experience), (team.Observer.Id, Perspective.Scientific)],
            (await factory.SupportsAsync(idea)).Select(s => (s.UserId!, s.Perspective)).ToList());
    }

    [Fact]
    public async Task Support_needs_an_account_and_a_project_the_person_may_read()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Open idee");
        var hidden = await factory.ItemAsync(closed.Id, ItemKind.Idea, "Dicht idee");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Een behoefte");

        using (var anonymous = factory.NewBrowser())
        {
            var page = await anonymous.OpenAsync($"/ideeen/{idea}");
            Assert.Null(page.Document.QuerySelector("form[action*='handler=Support']"));
            Assert.NotNull(page.Document.QuerySelector($"a[href='/inloggen?ReturnUrl={Uri.EscapeDataString($"/ideeen/{idea}#steun")}']"));
            using (var r = await anonymous.PostAsync(Handler(idea, "Support"), new { SupportInput_Perspective = "Experience" })) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync(Handler(hidden, "Support"), new { SupportInput_Perspective = "Experience" })) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await anonymous.GetAsync($"/ideeen/{hidden}")) Expect.Status(HttpStatusCode.NotFound, r);
        }
        using (var stranger = await factory.SignInAsync(team.Facilitator.Email!))
        {
            using (var r = await stranger.PostAsync(Handler(hidden, "Support"), new { SupportInput_Perspective = "Experience" })) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await stranger.PostAsync(Handler(hidden, "Withdraw"), new { })) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await stranger.PostAsync(Handler(need, "Support"), new { SupportInput_Perspective = "Experience" })) Expect.Status(HttpStatusCode.NotFound, r);
        }
        Assert.Empty(await factory.SupportsAsync(idea));
        Assert.Empty(await factory.SupportsAsync(hidden));
        // In the members-only project its own members support.
        using (var insider = await factory.SignInAsync(closed.Member.Email!))
        using (var r = await insider.PostAsync(Handler(hidden, "Support"), new { })) Expect.Redirect(r, $"/ideeen/{hidden}#steun");
        Assert.Single(await factory.SupportsAsync(hidden));
    }

    [Fact]
    public async Task Support_is_shown_raw_and_balanced_by_perspective_exactly_like_the_session_votes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var busy = await factory.ItemAsync(team.Id, ItemKind.Idea, "Veel professionals");
        var broad = await factory.ItemAsync(team.Id, ItemKind.Idea, "Gesteund door iedereen");
        var quiet = await factory.ItemAsync(team.Id, ItemKind.Idea, "Nog niet gesteund");
        // Four professionals on one idea; one person of every perspective on the other.
        for (var n = 0; n < 4; n++) await factory.SupportAsync(busy, (await factory.Data.UserAsync()).Id, Perspective.Professional);
        foreach (var p in Enum.GetValues<Perspective>()) await factory.SupportAsync(broad, (await factory.Data.UserAsync()).Id, p);

        var expected = BalancedTally.Count([busy, broad, quiet],
            [new Ballot(busy, Perspective.Professional, 4), new Ballot(broad, Perspective.Experience, 1), new Ballot(broad, Perspective.Professional, 1), new Ballot(broad, Perspective.Scientific, 1)],
            new Dictionary<Perspective, int> { [Perspective.Experience] = 1, [Perspective.Professional] = 5, [Perspective.Scientific] = 1 });
        Assert.Equal([broad, busy, quiet], expected.Rows.Select(r => r.OptionId).ToList());

        using var member = await factory.SignInAsync(team.Member.Email!);
        // The list: best balanced first, even though the other idea has more supports.
        var list = await member.OpenAsync($"/projecten/{team.Id}/ideeen");
        var cards = list.Document.QuerySelectorAll(".pt-idea-card").ToList();
        Assert.Equal([$"/ideeen/{broad}", $"/ideeen/{busy}", $"/ideeen/{quiet}"], cards.Select(c => c.QuerySelector("h2 a")!.GetAttribute("href")).ToList());
        Assert.Contains("3 keer gesteund · gebalanceerd " + VoteFormat.Percent(expected.Rows[0].Balanced), Text(cards[0]), StringComparison.Ordinal);
        Assert.Contains("4 keer gesteund · gebalanceerd " + VoteFormat.Percent(expected.Rows[1].Balanced), Text(cards[1]), StringComparison.Ordinal);
        Assert.Contains("Ervaringskennis: 0 Professionele kennis: 4 Wetenschappelijke kennis: 0", Text(cards[1]), StringComparison.Ordinal);

        // The idea page: its table per perspective, with the share of each perspective's support and the supporters.
        var page = await member.OpenAsync($"/ideeen/{busy}");
        Assert.Contains("4 mensen steunen dit idee.", page.MainText, StringComparison.Ordinal);
        var rows = page.Document.QuerySelectorAll(".pt-idea-support__table tbody tr")
            .Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Ervaringskennis|0|0 %|1", "Professionele kennis|4|80 %|5", "Wetenschappelijke kennis|0|0 %|1"], rows);

        // The API says the same.
        var api = (await member.GetJsonAsync($"/api/v1/projects/{team.Id}/ideas")).EnumerateArray().ToList();
        Assert.Equal([broad, busy, quiet], api.Select(i => i.GetProperty("id").GetInt32()).ToList());
        var row = expected.Rows[1];
        var s = api[1].GetProperty("support");
        Assert.Equal((4, row.Balanced), (s.GetProperty("raw").GetInt32(), s.GetProperty("balanced").GetDouble()));
        Assert.Equal(["Experience:0:0", "Professional:4:0.8", "Scientific:0:0"],
            s.GetProperty("byPerspective").EnumerateArray().Select(p => $"{p.GetProperty("perspective").GetString()}:{p.GetProperty("raw").GetInt32()}:{p.GetProperty("share").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList());
    }

    /// <summary>Issue 15: ideas use the project default (telt volledig mee, threshold 3) and name the small groups plainly.</summary>
    [Fact]
    public async Task Support_from_a_small_perspective_is_flagged_with_the_voter_counts_and_the_rule()
    {
        var team = await factory.Data.TeamProjectAsync();
        var busy = await factory.ItemAsync(team.Id, ItemKind.Idea, "Veel professionals");
        var broad = await factory.ItemAsync(team.Id, ItemKind.Idea, "Gesteund door iedereen");
        for (var n = 0; n < 4; n++) await factory.SupportAsync(busy, (await factory.Data.UserAsync()).Id, Perspective.Professional);
        foreach (var p in Enum.GetValues<Perspective>()) await factory.SupportAsync(broad, (await factory.Data.UserAsync()).Id, p);

        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var url in new[] { $"/projecten/{team.Id}/ideeen", $"/ideeen/{busy}" })
        {
            var page = await member.OpenAsync(url);
            var balance = Text(page.Document.QuerySelector("[data-support-balance]")!);
            Assert.Contains("Steun in dit project komt van: ervaringskennis 1 persoon · professionele kennis 5 mensen · wetenschappelijke kennis 1 persoon", balance, StringComparison.Ordinal);
            var flags = Text(page.Document.QuerySelector("[data-support-small]")!);
            Assert.Contains("Maar 1 persoon steunt ideeën vanuit ervaringskennis.", flags, StringComparison.Ordinal);
            Assert.Contains("Maar 1 persoon steunt ideeën vanuit wetenschappelijke kennis.", flags, StringComparison.Ordinal);
            Assert.DoesNotContain("professionele kennis", flags, StringComparison.Ordinal);
            Assert.Contains("Die kennisbronnen tellen toch volledig mee in de gebalanceerde telling.", flags, StringComparison.Ordinal);
            Assert.Contains("Regel voor kleine groepen (minder dan 3 mensen): telt volledig mee.", balance, StringComparison.Ordinal);
        }
        member.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var english = await member.OpenAsync($"/ideeen/{busy}");
        Assert.Contains("Only 1 person supports ideas from scientific knowledge.", Text(english.Document.QuerySelector("[data-support-small]")!), StringComparison.Ordinal);

        var idea = (await member.GetJsonAsync($"/api/v1/ideas/{busy}")).GetProperty("support");
        Assert.Equal("full", idea.GetProperty("rule").GetString());
        Assert.Equal(3, idea.GetProperty("minVoters").GetInt32());
        Assert.Equal(["Experience:1:True:1", "Professional:5:False:1", "Scientific:1:True:1"],
            idea.GetProperty("byPerspective").EnumerateArray().Select(p =>
                $"{p.GetProperty("perspective").GetString()}:{p.GetProperty("voters").GetInt32()}:{p.GetProperty("belowThreshold").GetBoolean()}:{p.GetProperty("weight").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList());
        var list = (await member.GetJsonAsync($"/api/v1/projects/{team.Id}/ideas")).EnumerateArray().ToList();
        Assert.All(list, i => Assert.Equal("full", i.GetProperty("support").GetProperty("rule").GetString()));
    }

    private static string Text(AngleSharp.Dom.IElement e) => string.Join(" ", e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
