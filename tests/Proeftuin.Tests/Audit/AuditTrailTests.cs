using Proeftuin.Features.Audit;
using Proeftuin.Features.Stories;
using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Audit;

/// <summary>Issue 10, point 8: every sensitive action leaves one entry with the right actor and subject, and no content.</summary>
public sealed class AuditTrailTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static string Leden(int id) => $"/projecten/{id}/leden";

    private Task<List<AuditEvent>> EntriesAsync(AuditAction action) =>
        factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    private Task<List<AuditEvent>> AllAsync() => factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());

    /// <summary>None of the entry's fields holds any of these texts (story text, e-mail addresses, names).</summary>
    private static void NoContent(IEnumerable<AuditEvent> entries, params string[] secrets)
    {
        foreach (var e in entries)
            foreach (var field in new[] { e.ActorUserId, e.ActorKind, e.SubjectType, e.SubjectId, e.SubjectUserId, e.Detail })
                foreach (var secret in secrets)
                    Assert.DoesNotContain(secret, field ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Role_change_and_removal_name_the_facilitator_and_the_member()
    {
        var team = await factory.Data.TeamProjectAsync();
        var memberId = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        var observerId = await factory.Data.MembershipIdAsync(team.Id, team.Observer.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        using (var r = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = memberId, role = "Facilitator" })) Expect.Redirect(r, Leden(team.Id));
        using (var r = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Remove", new { membershipId = observerId })) Expect.Redirect(r, Leden(team.Id));
        // A refused change (the last facilitator stays) leaves nothing.
        using (var r = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Role", new { membershipId = memberId, role = "Koning" })) Expect.NotServerError(r, "bad role");

        var role = Assert.Single(await EntriesAsync(AuditAction.RoleChanged), e => e.ProjectId == team.Id);
        Assert.Equal(team.Facilitator.Id, role.ActorUserId);
        Assert.Null(role.ActorKind);
        Assert.Equal(team.Member.Id, role.SubjectUserId);
        Assert.Equal((AuditSubjects.Membership, memberId.ToString()), (role.SubjectType, role.SubjectId));
        Assert.Equal("Rol: Deelnemer → Procesbegeleider", role.Detail);

        var removed = Assert.Single(await EntriesAsync(AuditAction.MemberRemoved), e => e.ProjectId == team.Id);
        Assert.Equal(team.Facilitator.Id, removed.ActorUserId);
        Assert.Equal(team.Observer.Id, removed.SubjectUserId);
        Assert.Equal("Rol was: Toeschouwer", removed.Detail);
    }

    [Fact]
    public async Task Invitations_sent_and_revoked_are_logged_without_the_address()
    {
        var team = await factory.Data.TeamProjectAsync();
        var invitee = TestData.UniqueEmail("genodigde");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync(Leden(team.Id));
        using (var r = await facilitator.SubmitAsync(page.FormFor("Invite.Email"), new { Invite_Email = invitee, Invite_Role = "Evaluator" })) Expect.Redirect(r, Leden(team.Id));
        var invitationId = await factory.WithDbAsync(db => db.Invitations.Where(i => i.ProjectId == team.Id).Select(i => i.Id).SingleAsync());

        var sent = Assert.Single(await EntriesAsync(AuditAction.InvitationSent), e => e.ProjectId == team.Id);
        Assert.Equal(team.Facilitator.Id, sent.ActorUserId);
        Assert.Equal((AuditSubjects.Invitation, invitationId.ToString()), (sent.SubjectType, sent.SubjectId));
        Assert.Equal("Per e-mail, rol: Evaluator", sent.Detail);

        using (var r = await facilitator.PostAsync($"{Leden(team.Id)}?handler=Revoke", new { invitationId })) Expect.Redirect(r, Leden(team.Id));
        var revoked = Assert.Single(await EntriesAsync(AuditAction.InvitationRevoked), e => e.ProjectId == team.Id);
        Assert.Equal(team.Facilitator.Id, revoked.ActorUserId);
        Assert.Equal(invitationId.ToString(), revoked.SubjectId);
        NoContent([sent, revoked], invitee, "genodigde");
    }

    [Fact]
    public async Task Consent_change_and_withdrawal_by_a_key_holder_keep_no_story_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project);
        using var teller = factory.NewBrowser();

        var consent = await teller.OpenAsync($"/verhalen/{story.Id}/toestemming?sleutel={story.Key}");
        using (var r = await teller.SubmitAsync(consent.FormFor("Scope"), new { Scope = "Team", RemoveName = "true" })) Expect.NotServerError(r, "consent");
        var changed = Assert.Single(await EntriesAsync(AuditAction.ConsentChanged), e => e.SubjectId == story.Id.ToString());
        Assert.Null(changed.ActorUserId);
        Assert.Equal(ActorKinds.KeyHolder, changed.ActorKind);
        Assert.Equal(team.Id, changed.ProjectId);
        Assert.Equal(AuditSubjects.Story, changed.SubjectType);
        Assert.Equal("Bereik: project → team; naam weggehaald; door de verteller", changed.Detail);

        var withdraw = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}");
        using (var r = await teller.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { })) Expect.NotServerError(r, "withdraw");
        var withdrawn = Assert.Single(await EntriesAsync(AuditAction.StoryWithdrawn), e => e.SubjectId == story.Id.ToString());
        Assert.Equal(ActorKinds.KeyHolder, withdrawn.ActorKind);
        Assert.Equal(team.Id, withdrawn.ProjectId);
        Assert.Null(withdrawn.SubjectUserId);
        NoContent(await AllAsync(), story.Marker, story.TellerName, story.Key);
    }

    [Fact]
    public async Task Withdrawal_by_a_facilitator_on_request_names_the_facilitator()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team, tellerId: team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/verhalen/{story.Id}/intrekken");
        using (var r = await facilitator.SubmitAsync(page.FormWithAction("/intrekken"), new { RequestedByTeller = "true" })) Expect.NotServerError(r, "withdraw");
        var withdrawn = Assert.Single(await EntriesAsync(AuditAction.StoryWithdrawn), e => e.SubjectId == story.Id.ToString());
        Assert.Equal(team.Facilitator.Id, withdrawn.ActorUserId);
        Assert.Equal("Op verzoek van de verteller", withdrawn.Detail);
        Assert.Null(withdrawn.SubjectUserId);
    }

    [Fact]
    public async Task Story_export_is_logged_with_format_and_count_only()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.GetAsync($"/projecten/{team.Id}/verhalen/export?format=xlsx")) Expect.Status(HttpStatusCode.OK, r);
        using (var r = await facilitator.GetAsync($"/projecten/{team.Id}/verhalen/export?format=pdf")) Expect.Status(HttpStatusCode.BadRequest, r);
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await member.GetAsync($"/projecten/{team.Id}/verhalen/export")) Expect.Status(HttpStatusCode.Forbidden, r);

        var export = Assert.Single(await EntriesAsync(AuditAction.StoriesExported), e => e.ProjectId == team.Id);
        Assert.Equal(team.Facilitator.Id, export.ActorUserId);
        Assert.Equal("Excel-bestand, 1 verhalen", export.Detail);
        NoContent([export], story.Marker, story.TellerName);
    }

    [Fact]
    public async Task Admin_block_unblock_and_sign_in_link_name_admin_and_account()
    {
        var admin = await factory.Data.UserAsync(admin: true);
        var person = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(admin.Email!);
        foreach (var handler in new[] { "Block", "Unblock", "Link" })
            using (var r = await browser.PostAsync($"/beheer/mensen?handler={handler}", new { userId = person.Id })) Assert.True(Browser.IsRedirect(r.StatusCode), handler);

        foreach (var action in new[] { AuditAction.AccountBlocked, AuditAction.AccountUnblocked, AuditAction.AdminSignInLinkSent })
        {
            var entry = Assert.Single(await EntriesAsync(action), e => e.SubjectUserId == person.Id);
            Assert.Equal(admin.Id, entry.ActorUserId);
            Assert.Equal((AuditSubjects.Account, person.Id), (entry.SubjectType, entry.SubjectId));
            Assert.Null(entry.ProjectId);
            NoContent([entry], person.Email!);
        }
    }

    [Fact]
    public async Task Sign_in_link_requests_name_the_account_but_never_a_typed_unknown_address()
    {
        var person = await factory.Data.UserAsync();
        var unknown = TestData.UniqueEmail("onbekend");
        using var browser = factory.NewBrowser();
        foreach (var address in new[] { person.Email!, unknown })
        {
            var page = await browser.OpenAsync("/inloggen/link");
            using var r = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = address });
            Expect.NotServerError(r, address);
        }
        var known = Assert.Single(await EntriesAsync(AuditAction.SignInLinkRequested), e => e.SubjectUserId == person.Id);
        Assert.Null(known.ActorUserId);
        Assert.Equal(ActorKinds.Anonymous, known.ActorKind);
        Assert.Contains(await EntriesAsync(AuditAction.SignInLinkRequested), e => e.SubjectUserId is null && e.Detail!.StartsWith("Geen account", StringComparison.Ordinal));
        NoContent(await AllAsync(), unknown, "onbekend-", person.Email!);
    }

    [Fact]
    public async Task Sign_ins_by_password_and_by_link_are_logged_for_the_account()
    {
        var person = await factory.Data.UserAsync();
        using (await factory.SignInAsync(person.Email!)) { }
        var byPassword = Assert.Single(await EntriesAsync(AuditAction.SignedIn), e => e.SubjectUserId == person.Id);
        Assert.Equal(person.Id, byPassword.ActorUserId);
        Assert.Null(byPassword.ActorKind);
        Assert.Equal("Met wachtwoord", byPassword.Detail);

        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen/link");
        using (await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = person.Email })) { }
        var link = factory.Mailbox.LinkTo(person.Email!, "/inloggen/link/");
        var confirm = await browser.OpenAsync(link);
        using (await browser.SubmitAsync(confirm.Forms.Single(f => f.Method == "post" && f.Action == link))) { }
        var entries = (await EntriesAsync(AuditAction.SignedIn)).Where(e => e.SubjectUserId == person.Id).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Met een inloglink", entries[1].Detail);
        Assert.Equal(person.Id, entries[1].ActorUserId);
        // A wrong password is no sign-in.
        using var wrong = factory.NewBrowser();
        var signIn = await wrong.OpenAsync("/inloggen");
        using (await wrong.SubmitAsync(signIn.FormFor("Input.Password"), new { Input_Email = person.Email, Input_Password = "fout-wachtwoord-1" })) { }
        Assert.Equal(2, (await EntriesAsync(AuditAction.SignedIn)).Count(e => e.SubjectUserId == person.Id));
    }
}
