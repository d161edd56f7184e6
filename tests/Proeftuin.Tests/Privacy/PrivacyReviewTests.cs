using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Privacy;
using Proeftuin.Features.Stories;
using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Privacy;

/// <summary>What a review of the personal-data work found (issue 10): each case failed before its fix.</summary>
public sealed class PrivacyReviewTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Task<List<AuditEvent>> AllAsync() => factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().ToListAsync());

    [Fact]
    public async Task A_teller_with_an_account_is_not_tied_to_their_story_in_the_log()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: team.Member.Id);
        using var teller = await factory.SignInAsync(team.Member.Email!);

        var consent = await teller.OpenAsync($"/verhalen/{story.Id}/toestemming");
        using (var r = await teller.SubmitAsync(consent.FormFor("Scope"), new { Scope = "Team" })) Expect.NotServerError(r, "consent");
        var withdraw = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken");
        using (var r = await teller.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { })) Expect.NotServerError(r, "withdraw");

        var about = (await AllAsync()).Where(e => e.SubjectId == story.Id.ToString()).ToList();
        Assert.Equal([AuditAction.ConsentChanged, AuditAction.StoryWithdrawn], about.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.All(about, e => Assert.Null(e.ActorUserId));
        Assert.All(about, e => Assert.Equal(ActorKinds.Teller, e.ActorKind));
        // The facilitator reads the project's log: the teller shows as "the teller", not by name.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var log = await facilitator.OpenAsync($"/projecten/{team.Id}/logboek");
        Assert.Contains("De verteller zelf", log.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(team.Member.DisplayName, log.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_erasure_keeps_neither_the_accounts_id_nor_its_name_in_the_log()
    {
        var name = "Zoë Verwijderbaar " + Guid.NewGuid().ToString("N")[..6];
        var person = await factory.Data.UserAsync(displayName: name);
        using (var signedIn = await factory.SignInAsync(person.Email!)) { }
        Assert.Contains(await AllAsync(), e => e.SubjectId == person.Id);

        using var admin = await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);
        var page = await admin.OpenAsync("/beheer/mensen/verwijderen?userId=" + person.Id);
        using (var r = await admin.SubmitAsync(page.FormFor("Reason"), new { Reason = $"Telefoon, zaak 12: {name} ({person.Email}) vroeg erom." }))
            Expect.NotServerError(r, "erase");
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));

        var all = await AllAsync();
        Assert.DoesNotContain(all, e => e.SubjectId == person.Id || e.ActorUserId == person.Id || e.SubjectUserId == person.Id);
        var erased = Assert.Single(all, e => e.Action == AuditAction.AccountErased && e.Detail != null && e.Detail.Contains("zaak 12", StringComparison.Ordinal));
        Assert.Equal("Telefoon, zaak 12: [persoon] ([persoon]) vroeg erom.", erased.Detail);
    }

    [Fact]
    public async Task Erasure_reaches_other_peoples_data_only_through_a_confirmed_address()
    {
        var team = await factory.Data.TeamProjectAsync();
        var victim = TestData.UniqueEmail("slachtoffer");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var members = await facilitator.OpenAsync($"/projecten/{team.Id}/leden");
        using (var r = await facilitator.SubmitAsync(members.FormFor("Invite.Email"), [new("Invite.Email", victim), new("Invite.Role", "Member")]))
            Expect.NotServerError(r, "invite");
        Assert.True(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == victim)));

        // Someone types the victim's address into their own account (unconfirmed) and is then erased.
        var typer = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == typer.Id);
            u.Email = victim;
            u.NormalizedEmail = victim.ToUpperInvariant();
            u.EmailConfirmed = false;
            return await db.SaveChangesAsync();
        });
        using var admin = await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);
        var page = await admin.OpenAsync("/beheer/mensen/verwijderen?userId=" + typer.Id);
        using (var r = await admin.SubmitAsync(page.FormFor("Reason"), new { Reason = "Balie, zaak 7" })) Expect.NotServerError(r, "erase");

        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == typer.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == victim)));
    }

    [Fact]
    public async Task A_facilitator_finds_people_in_the_project_log_by_name_not_by_address()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await factory.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent { At = DateTime.UtcNow, Action = AuditAction.RoleChanged, ProjectId = team.Id, SubjectType = "membership", SubjectId = "1", SubjectUserId = team.Member.Id });
            return await db.SaveChangesAsync();
        });
        var addressPart = team.Member.Email![..8];
        int Rows(HtmlPage p) => p.Document.QuerySelectorAll("main table tbody tr").Length;

        Assert.Equal(0, Rows(await facilitator.OpenAsync($"/projecten/{team.Id}/logboek?persoon={Uri.EscapeDataString(addressPart)}")));
        Assert.Equal(1, Rows(await facilitator.OpenAsync($"/projecten/{team.Id}/logboek?persoon={Uri.EscapeDataString(team.Member.DisplayName)}")));

        using var admin = await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);
        Assert.True(Rows(await admin.OpenAsync($"/beheer/logboek?persoon={Uri.EscapeDataString(team.Member.Email!)}")) >= 1);
    }

    [Fact]
    public async Task An_export_that_died_on_its_last_attempt_is_given_up_instead_of_blocking_new_ones()
    {
        var person = await factory.Data.UserAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.Set<PersonalDataExport>().Add(new PersonalDataExport
            {
                UserId = person.Id,
                Status = ExportStatus.Running,
                RequestedAt = now.AddHours(-2),
                StartedAt = now.AddHours(-1),
                Attempts = 3,
                LinkBase = "http://localhost",
            });
            return await db.SaveChangesAsync();
        });
        var worker = factory.Services.GetServices<IHostedService>().OfType<ExportWorker>().Single();
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(ExportStatus.Failed, await factory.WithDbAsync(db => db.Set<PersonalDataExport>().Where(e => e.UserId == person.Id).Select(e => e.Status).SingleAsync()));
    }
}
