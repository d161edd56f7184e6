namespace Proeftuin.Tests.Members;

public sealed class MembersTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Leden(int id) => $"/projecten/{id}/leden";

    private static async Task<HttpResponseMessage> InviteByEmailAsync(Browser browser, int projectId, string email, string role = "Member")
    {
        var page = await browser.OpenAsync(Leden(projectId));
        return await browser.SubmitAsync(page.FormFor("Invite.Email"), new { Invite_Email = email, Invite_Role = role });
    }

    private static async Task<string> InviteLinkAsync(Browser browser, int projectId, string role = "Member")
    {
        var page = await browser.OpenAsync(Leden(projectId));
        using var response = await browser.SubmitAsync(page.FormFor("Invite.Email"), [new("Invite.Role", role)], formAction: $"/projecten/{projectId}/leden/uitnodigen?handler=Link");
        var shown = await browser.FollowAsync(response, Leden(projectId));
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        return Mailbox.ExtractLink(shown.Text, "/uitnodiging/") ?? throw new InvalidOperationException("No invitation link on the page:\n" + shown.MainText);
    }

    private static async Task<HttpResponseMessage> AcceptAsync(Browser browser, string link, string perspective = "Experience")
    {
        var page = await browser.OpenAsync(link);
        return await browser.SubmitAsync(page.FormFor("Perspective"), new { Perspective = perspective });
    }

    [Fact]
    public async Task Facilitator_invites_by_email_and_the_invitee_joins()
    {
        var team = await factory.Data.TeamProjectAsync();
        var invitee = await factory.Data.UserAsync(perspective: Perspective.Scientific);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var response = await InviteByEmailAsync(facilitator, team.Id, invitee.Email!, "Evaluator"))
            Expect.Redirect(response, Leden(team.Id));

        var mail = factory.Mailbox.NewestTo(invitee.Email!);
        Assert.Contains("Uitnodiging voor het project", mail.Subject, StringComparison.Ordinal);
        var link = factory.Mailbox.LinkTo(invitee.Email!, "/uitnodiging/");

        // Opening the link signed out shows the project and asks to sign in; posting needs sign-in.
        using (var anonymous = factory.NewBrowser())
        {
            var view = await anonymous.OpenAsync(link);
            Assert.Contains((await factory.Data.ProjectRowAsync(team.Id)).Title, view.MainText, StringComparison.Ordinal);
            using var post = await anonymous.PostAsync(link, new { Perspective = "Experience" });
            Expect.RedirectToSignIn(post);
        }

        using var browser = await factory.SignInAsync(invitee.Email!);
        using (var response = await AcceptAsync(browser, link, "Professional"))
            Expect.Redirect(response, $"/projecten/{team.Id}");
        var membership = await factory.Data.MembershipAsync(team.Id, invitee.Id);
        Assert.Equal(ProjectRole.Evaluator, membership!.Role);
        Assert.Equal(Perspective.Professional, membership.Perspective);
    }

    [Fact]
    public async Task Invitation_link_is_shown_once_and_works_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var link = await InviteLinkAsync(facilitator, team.Id, "Observer");

        var first = await factory.Data.UserAsync();
        using (var browser = await factory.SignInAsync(first.Email!))
        using (var response = await AcceptAsync(browser, link))
            Expect.Redirect(response, $"/projecten/{team.Id}");
        Assert.Equal(ProjectRole.Observer, (await factory.Data.MembershipAsync(team.Id, first.Id))!.Role);

        // Used twice: refused with a Dutch message, nothing saved.
        var second = await factory.Data.UserAsync();
        using var late = await factory.SignInAsync(second.Email!);
        var view = await late.GetPageAsync(link);
        Assert.Contains("Deze uitnodiging is al gebruikt of verlopen.", view.MainText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await late.PostAsync(link, new { Perspective = "Experience" }), "Deze uitnodiging is al gebruikt of verlopen.");
        Assert.Null(await factory.Data.MembershipAsync(team.Id, second.Id));
    }

    [Theory]
    [InlineData("onzin")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Unknown_or_malformed_invitation_is_refused(string token)
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        var view = await browser.GetPageAsync("/uitnodiging/" + token);
        Assert.True((int)view.Status < 500);
        Assert.Contains("Deze uitnodiging is al gebruikt of verlopen.", view.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", view.Text, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await browser.PostAsync("/uitnodiging/" + token, new { Perspective = "Experience" }), "Deze uitnodiging is al gebruikt of verlopen.");
        Assert.False(await factory.WithDbAsync(db => db.Memberships.AnyAsync(m => m.UserId == user.Id)));
    }

    [Fact]
    public async Task Existing_member_cannot_accept_again()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var link = await InviteLinkAsync(facilitator, team.Id, "Facilitator");
        using var member = await factory.SignInAsync(team.Member.Email!);
        await Expect.FormErrorAsync(await member.PostAsync(link, new { Perspective = "Experience" }), "Je bent al lid van dit project.");
        Assert.Equal(ProjectRole.Member, (await factory.Data.MembershipAsync(team.Id, team.Member.Id))!.Role);
    }

    [Fact]
    public async Task Bad_invitations_get_Dutch_messages_and_nothing_is_saved_or_sent()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, ""), "Vul jouw e-mailadres in.");
        await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, "geen-adres"), "Vul een geldig e-mailadres in");
        await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, TestData.Long() + "@x.nl"), "is te lang");
        await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, team.Member.Email!), "Deze persoon is al lid van het project.");
        var scripted = await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, TestData.Script), "Vul een geldig e-mailadres in");
        Assert.DoesNotContain("<script>alert", scripted.Text, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await InviteByEmailAsync(facilitator, team.Id, TestData.UniqueEmail(), "Koning"), "is niet geldig");
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.ProjectId == team.Id)));
        Assert.Empty(factory.Mailbox.To(team.Member.Email!));
    }

    [Fact]
    public async Task Facilitator_changes_a_role_and_removes_a_member()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        var page = await facilitator.OpenAsync(Leden(team.Id));
        var roleForm = page.Forms.Single(f => f.Action.Contains("handler=Role", StringComparison.OrdinalIgnoreCase) && f.Fields.Any(x => x.Key == "membershipId" && x.Value == memberId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        using (var response = await facilitator.SubmitAsync(roleForm, [new("role", "Evaluator")]))
            Expect.Redirect(response, Leden(team.Id));
        Assert.Equal(ProjectRole.Evaluator, (await factory.Data.MembershipAsync(team.Id, team.Member.Id))!.Role);

        var observerId = await factory.Data.MembershipIdAsync(team.Id, team.Observer.Id);
        using (var response = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Remove", new { membershipId = observerId }))
            Expect.Redirect(response, Leden(team.Id));
        Assert.Null(await factory.Data.MembershipAsync(team.Id, team.Observer.Id));
    }

    [Fact]
    public async Task Project_always_keeps_a_facilitator()
    {
        var team = await factory.Data.TeamProjectAsync();
        var facilitatorId = await factory.Data.MembershipIdAsync(team.Id, team.Facilitator.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = facilitatorId, role = "Member" }),
            "Een project heeft altijd minstens één procesbegeleider.");
        await Expect.FormErrorAsync(await facilitator.PostAsync($"{Leden(team.Id)}?handler=Remove", new { membershipId = facilitatorId }),
            "Een project heeft altijd minstens één procesbegeleider.");
        Assert.Equal(ProjectRole.Facilitator, (await factory.Data.MembershipAsync(team.Id, team.Facilitator.Id))!.Role);

        // With a second facilitator, the first may step down.
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        (await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = memberId, role = "Facilitator" })).Dispose();
        using (var response = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = facilitatorId, role = "Member" }))
            Expect.Redirect(response, Leden(team.Id));
        Assert.Equal(ProjectRole.Member, (await factory.Data.MembershipAsync(team.Id, team.Facilitator.Id))!.Role);
    }

    [Fact]
    public async Task Unknown_role_is_refused_and_nobody_is_demoted()
    {
        var team = await factory.Data.TeamProjectAsync();
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = memberId, role = "Koning" }), "is niet geldig");
        Assert.Equal(ProjectRole.Member, (await factory.Data.MembershipAsync(team.Id, team.Member.Id))!.Role);
    }

    [Fact]
    public async Task Member_changes_own_perspective()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync(Leden(team.Id));
        using (var response = await member.SubmitAsync(page.FormFor("perspective"), [new("perspective", "Scientific")]))
            Expect.Redirect(response, Leden(team.Id));
        Assert.Equal(Perspective.Scientific, (await factory.Data.MembershipAsync(team.Id, team.Member.Id))!.Perspective);
        await Expect.FormErrorAsync(await member.PostAsync($"{Leden(team.Id)}?handler=Perspective", new { perspective = "Toverkennis" }), "is niet geldig");
        await Expect.FormErrorAsync(await member.PostAsync($"{Leden(team.Id)}?handler=Perspective", new { perspective = "7" }), "is niet geldig");
        Assert.Equal(Perspective.Scientific, (await factory.Data.MembershipAsync(team.Id, team.Member.Id))!.Perspective);
    }

    [Fact]
    public async Task Observer_and_member_may_not_manage_members()
    {
        var team = await factory.Data.TeamProjectAsync();
        var facilitatorId = await factory.Data.MembershipIdAsync(team.Id, team.Facilitator.Id);
        foreach (var who in new[] { team.Observer, team.Member })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            var page = await browser.OpenAsync(Leden(team.Id));
            Assert.DoesNotContain(page.Forms, f => f.HasField("Invite.Email") || f.HasField("membershipId"));
            foreach (var (url, fields) in new (string, object)[]
            {
                ($"{Leden(team.Id)}/uitnodigen", new { Invite_Email = TestData.UniqueEmail(), Invite_Role = "Facilitator" }),
                ($"{Leden(team.Id)}/uitnodigen?handler=Link", new { Invite_Role = "Facilitator" }),
                ($"{Leden(team.Id)}?handler=Role", new { membershipId = facilitatorId, role = "Observer" }),
                ($"{Leden(team.Id)}?handler=Remove", new { membershipId = facilitatorId }),
            })
            {
                using var response = await browser.PostAsync(url, fields);
                Expect.Status(HttpStatusCode.Forbidden, response, $"{url} as {who.DisplayName}");
            }
        }
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.ProjectId == team.Id)));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Another_projects_facilitator_and_outsiders_may_not()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        foreach (var who in new[] { other.Facilitator, await factory.Data.UserAsync() })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var response = await browser.GetAsync(Leden(team.Id))) Expect.Status(HttpStatusCode.Forbidden, response, "GET as " + who.DisplayName);
            using (var response = await browser.PostAsync($"{Leden(team.Id)}?handler=Remove", new { membershipId = memberId })) Expect.Status(HttpStatusCode.Forbidden, response, "Remove as " + who.DisplayName);
            using (var response = await browser.PostAsync($"{Leden(team.Id)}?handler=Perspective", new { perspective = "Scientific" })) Expect.Status(HttpStatusCode.Forbidden, response, "Perspective as " + who.DisplayName);
        }
        // A membership of another project cannot be changed through this one.
        using var otherFacilitator = await factory.SignInAsync(other.Facilitator.Email!);
        using (var response = await otherFacilitator.PostAsync($"{Leden(other.Id)}?handler=Remove", new { membershipId = memberId }))
            Expect.Status(HttpStatusCode.NotFound, response);
        Assert.NotNull(await factory.Data.MembershipAsync(team.Id, team.Member.Id));
    }

    [Fact]
    public async Task Anonymous_and_hidden_projects()
    {
        var team = await factory.Data.TeamProjectAsync();
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.GetAsync(Leden(team.Id)))
            Expect.RedirectToSignIn(response, Leden(team.Id));
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var outsider = await factory.SignInDemoAsync("inwoner");
        using (var response = await outsider.GetAsync(Leden(workId))) Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await outsider.PostAsync($"{Leden(workId)}/uitnodigen?handler=Link", new { Invite_Role = "Facilitator" })) Expect.Status(HttpStatusCode.NotFound, response);
    }

    [Fact]
    public async Task Unknown_membership_is_404()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var response = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Remove", new { membershipId = 999999 })) Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = "abc", role = "Member" })) Expect.NotServerError(response, "malformed membershipId");
        Assert.Equal(3, await factory.WithDbAsync(db => db.Memberships.CountAsync(m => m.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Script_in_a_member_name_is_shown_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        var scripted = await factory.Data.UserAsync(displayName: TestData.Script);
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = scripted.Id, Role = ProjectRole.Member, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Expect.ShownAsText(await facilitator.OpenAsync(Leden(team.Id)));
        Expect.ShownAsText(await facilitator.OpenAsync($"/projecten/{team.Id}"));
    }
}

/// <summary>Moves the clock 15 days, so it has its own app.</summary>
public sealed class InvitationExpiryTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Invitation_expires_after_fourteen_days()
    {
        var team = await factory.Data.TeamProjectAsync();
        var invitee = await factory.Data.UserAsync();
        using (var facilitator = await factory.SignInAsync(team.Facilitator.Email!))
        {
            var page = await facilitator.OpenAsync($"/projecten/{team.Id}/leden");
            (await facilitator.SubmitAsync(page.FormFor("Invite.Email"), new { Invite_Email = invitee.Email, Invite_Role = "Member" })).Dispose();
        }
        var link = factory.Mailbox.LinkTo(invitee.Email!, "/uitnodiging/");
        factory.Clock.Advance(TimeSpan.FromDays(15));
        using var browser = await factory.SignInAsync(invitee.Email!);
        await Expect.FormErrorAsync(await browser.PostAsync(link, new { Perspective = "Experience" }), "Deze uitnodiging is al gebruikt of verlopen.");
        Assert.Null(await factory.Data.MembershipAsync(team.Id, invitee.Id));
    }
}

/// <summary>The mail rate limit is for sending mail, not for managing members.</summary>
public sealed class MemberRateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task Changing_roles_and_perspectives_is_not_limited_like_mail()
    {
        var team = await factory.Data.TeamProjectAsync();
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var roles = new[] { "Evaluator", "Member", "Observer", "Member", "Evaluator", "Member" };
        Assert.True(roles.Length > LowRateLimitFactory.MailLimit);
        foreach (var role in roles)
        {
            using var response = await facilitator.PostAsync($"/projecten/{team.Id}/leden?handler=Role", new { membershipId = memberId, role });
            Expect.Redirect(response, $"/projecten/{team.Id}/leden");
        }
    }
}
