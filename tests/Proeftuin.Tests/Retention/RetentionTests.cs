using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Retention;
using Proeftuin.Features.Sessions;
using Proeftuin.Tests.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Tests.Retention;

/// <summary>Issue 10, point 9: bewaartermijnen applied on a clock the test controls; the job, the audit entry and the admin page.</summary>
public sealed class RetentionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static readonly TimeSpan Margin = TimeSpan.FromHours(1);

    private async Task<RetentionResult> ApplyAsync()
    {
        RetentionResult? result = null;
        await factory.WithScopeAsync(async s => result = await s.GetRequiredService<ApplyRetention>().RunAsync());
        return result!;
    }

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>A closed session with a guest who wrote a post-it and gave it a stip, closed at the given time.</summary>
    private async Task<(int SessionId, int GuestId, string GuestName)> ClosedSessionAsync(int projectId, DateTime closedAt, string? memberId = null)
    {
        var seeded = await factory.SessionAsync(projectId, SessionState.Closed, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        var name = "Gast" + Guid.NewGuid().ToString("N")[..10];
        var guestId = await factory.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == seeded.Id);
            session.ClosedAt = closedAt;
            var guest = new Participant { SessionId = seeded.Id, DisplayName = name, GuestKeyHash = Tokens.Hash(Tokens.New()), Perspective = Perspective.Experience, JoinedAt = closedAt.AddHours(-2) };
            db.Participants.Add(guest);
            if (memberId is not null)
                db.Participants.Add(new Participant { SessionId = seeded.Id, UserId = memberId, DisplayName = "Lid", Perspective = Perspective.Professional, JoinedAt = closedAt.AddHours(-2) });
            await db.SaveChangesAsync();
            var note = new Note { SessionId = seeded.Id, StepId = seeded.StepIds[0], ParticipantId = guest.Id, Text = "Post-it van " + name, CreatedAt = closedAt.AddHours(-1) };
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            db.Votes.Add(new Vote { SessionId = seeded.Id, StepId = seeded.StepIds[1], ParticipantId = guest.Id, NoteId = note.Id, CreatedAt = closedAt.AddMinutes(-30) });
            await db.SaveChangesAsync();
            return guest.Id;
        });
        return (seeded.Id, guestId, name);
    }

    private async Task<AppUser> AccountAsync(DateTime createdAt, bool confirmed = false, DateTime? lastSignIn = null)
    {
        var user = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.CreatedAt = createdAt;
            row.EmailConfirmed = confirmed;
            row.LastSignInAt = lastSignIn;
            return await db.SaveChangesAsync();
        });
        return user;
    }

    [Fact]
    public async Task Rows_just_inside_a_period_stay_and_rows_just_outside_go()
    {
        var team = await factory.Data.TeamProjectAsync();
        var now = Now;
        var oldSession = await ClosedSessionAsync(team.Id, now.AddMonths(-12) - Margin, memberId: team.Member.Id);
        var recentSession = await ClosedSessionAsync(team.Id, now.AddMonths(-12) + Margin);
        var running = await factory.SessionAsync(team.Id, SessionState.Running);

        var staleAccount = await AccountAsync(now.AddDays(-7) - Margin);
        var freshAccount = await AccountAsync(now.AddDays(-7) + Margin);
        var confirmedAccount = await AccountAsync(now.AddDays(-30), confirmed: true);
        var usedAccount = await AccountAsync(now.AddDays(-30), lastSignIn: now.AddDays(-29));
        var memberAccount = await AccountAsync(now.AddDays(-30));
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = memberAccount.Id, Role = ProjectRole.Member, Perspective = Perspective.Experience, JoinedAt = now });
            db.AuditEvents.AddRange(
                new AuditEvent { Action = AuditAction.SignedIn, At = now.AddMonths(-24) - Margin, Detail = "oud-log" },
                new AuditEvent { Action = AuditAction.SignedIn, At = now.AddMonths(-24) + Margin, Detail = "jong-log" });
            db.SignInLinks.AddRange(
                new SignInLink { UserId = confirmedAccount.Id, Email = confirmedAccount.Email!, TokenHash = "oud-" + Guid.NewGuid(), CreatedAt = now.AddDays(-2), ExpiresAt = now.AddDays(-1) - Margin },
                new SignInLink { UserId = confirmedAccount.Id, Email = confirmedAccount.Email!, TokenHash = "jong-" + Guid.NewGuid(), CreatedAt = now.AddDays(-1), ExpiresAt = now.AddDays(-1) + Margin });
            db.Invitations.AddRange(
                new Invitation { ProjectId = team.Id, TokenHash = "oud-" + Guid.NewGuid(), CreatedById = team.Facilitator.Id, CreatedAt = now.AddDays(-44), ExpiresAt = now.AddDays(-30) - Margin, AcceptedAt = now.AddDays(-40) },
                new Invitation { ProjectId = team.Id, TokenHash = "jong-" + Guid.NewGuid(), CreatedById = team.Facilitator.Id, CreatedAt = now.AddDays(-44), ExpiresAt = now.AddDays(-30) + Margin, RevokedAt = now.AddDays(-40) });
            db.PasswordFailures.AddRange(
                new PasswordFailure { AddressHash = "oud", ClientHash = "c", At = now - PasswordThrottle.Window - Margin },
                new PasswordFailure { AddressHash = "jong", ClientHash = "c", At = now - TimeSpan.FromMinutes(1) });
            return await db.SaveChangesAsync();
        });

        var result = await ApplyAsync();

        await factory.WithDbAsync(async db =>
        {
            var guest = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == oldSession.GuestId);
            Assert.Equal("Oud-deelnemer", guest.DisplayName);
            Assert.Null(guest.GuestKeyHash);
            Assert.Equal(Perspective.Experience, guest.Perspective);
            // Their post-it and stip still count.
            Assert.Equal(1, await db.Notes.CountAsync(n => n.ParticipantId == guest.Id));
            Assert.Equal(1, await db.Votes.CountAsync(v => v.ParticipantId == guest.Id));
            Assert.True(await db.Participants.AnyAsync(p => p.SessionId == oldSession.SessionId && p.UserId == team.Member.Id), "a member's seat stays");
            Assert.StartsWith(ApplyRetention.ClearedCodePrefix, (await db.Sessions.SingleAsync(s => s.Id == oldSession.SessionId)).JoinCode, StringComparison.Ordinal);

            var kept = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == recentSession.GuestId);
            Assert.Equal(recentSession.GuestName, kept.DisplayName);
            Assert.NotNull(kept.GuestKeyHash);
            Assert.False((await db.Sessions.SingleAsync(s => s.Id == recentSession.SessionId)).JoinCode.StartsWith('~'));
            Assert.Equal(running.JoinCode, (await db.Sessions.SingleAsync(s => s.Id == running.Id)).JoinCode);

            var accounts = await db.Users.Select(u => u.Id).ToListAsync();
            Assert.DoesNotContain(staleAccount.Id, accounts);
            Assert.Contains(freshAccount.Id, accounts);
            Assert.Contains(confirmedAccount.Id, accounts);
            Assert.Contains(usedAccount.Id, accounts);
            Assert.Contains(memberAccount.Id, accounts);

            Assert.False(await db.AuditEvents.AnyAsync(e => e.Detail == "oud-log"));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Detail == "jong-log"));
            Assert.False(await db.SignInLinks.AnyAsync(l => l.TokenHash.StartsWith("oud-")));
            Assert.True(await db.SignInLinks.AnyAsync(l => l.TokenHash.StartsWith("jong-")));
            Assert.False(await db.Invitations.AnyAsync(i => i.TokenHash.StartsWith("oud-")));
            Assert.True(await db.Invitations.AnyAsync(i => i.TokenHash.StartsWith("jong-")));
            Assert.False(await db.PasswordFailures.AnyAsync(f => f.AddressHash == "oud"));
            Assert.True(await db.PasswordFailures.AnyAsync(f => f.AddressHash == "jong"));

            // Logged as the system, with counts only.
            var entry = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.RetentionApplied).OrderByDescending(e => e.Id).FirstAsync();
            Assert.Null(entry.ActorUserId);
            Assert.Equal(ActorKinds.System, entry.ActorKind);
            Assert.Equal(result.Detail, entry.Detail);
            Assert.DoesNotContain(oldSession.GuestName, entry.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(staleAccount.Email!, entry.Detail, StringComparison.Ordinal);
            return 0;
        });
        Assert.True(result.GuestParticipants >= 1 && result.JoinCodes >= 1 && result.UnconfirmedAccounts >= 1 && result.AuditEvents >= 1
            && result.SignInLinks >= 1 && result.Invitations >= 1 && result.PasswordFailures >= 1, result.Detail);

        // The guest's name is gone from the write-ahead log too, not only from the table.
        var wal = Path.Combine(factory.DataDirectory, "proeftuin.db-wal");
        if (File.Exists(wal))
            Assert.DoesNotContain(oldSession.GuestName, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal)), StringComparison.Ordinal);

        // A second run finds nothing more to do in these rows.
        var again = await ApplyAsync();
        Assert.Equal(0, again.GuestParticipants + again.JoinCodes);
    }

    [Fact]
    public async Task The_admin_page_shows_the_periods_and_the_last_run_and_runs_it_now()
    {
        const string Page = "/beheer/bewaartermijnen";
        using (var anonymous = factory.NewBrowser())
        using (var r = await anonymous.GetAsync(Page))
            Expect.RedirectToSignIn(r, Page);
        var team = await factory.Data.TeamProjectAsync();
        foreach (var who in new[] { team.Facilitator, team.Member })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var r = await browser.GetAsync(Page)) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
            using (var r = await browser.PostAsync(Page, new { })) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
        }
        using var admin = await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);
        var before = await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.RetentionApplied));
        var page = await admin.OpenAsync(Page);
        Assert.Contains("12 maanden na het einde van de sessie", page.MainText, StringComparison.Ordinal);
        Assert.Contains("7 dagen na het maken", page.MainText, StringComparison.Ordinal);
        Assert.Contains("24 maanden", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/beheer/logboek?actie=RetentionApplied");
        Assert.Contains((await admin.OpenAsync("/beheer")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Page);

        using (var r = await admin.SubmitAsync(page.Forms.Single(f => f.Method == "post" && f.Element.Closest("main") is not null)))
            Expect.Redirect(r, Page);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.RetentionApplied)));
        var after = await admin.OpenAsync(Page);
        Assert.Contains("Gasten: ", after.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog niet toegepast.", after.MainText, StringComparison.Ordinal);
        var log = await admin.OpenAsync("/beheer/logboek?actie=RetentionApplied");
        Assert.Contains("Proeftuin (automatisch)", log.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Periods_come_from_the_settings()
    {
        await using var custom = new ProeftuinFactory().WithSetting("Retention:GuestParticipantsMonths", "6").WithSetting("Retention:UnconfirmedAccountDays", "3");
        var team = await custom.Data.TeamProjectAsync();
        var seeded = await custom.SessionAsync(team.Id, SessionState.Closed);
        var now = custom.Clock.GetUtcNow().UtcDateTime;
        var guestId = await custom.WithDbAsync(async db =>
        {
            (await db.Sessions.SingleAsync(s => s.Id == seeded.Id)).ClosedAt = now.AddMonths(-6) - Margin;
            var guest = new Participant { SessionId = seeded.Id, DisplayName = "Gast Zes", GuestKeyHash = "k" + Guid.NewGuid(), JoinedAt = now.AddMonths(-7) };
            db.Participants.Add(guest);
            await db.SaveChangesAsync();
            return guest.Id;
        });
        await custom.WithScopeAsync(s => s.GetRequiredService<ApplyRetention>().RunAsync());
        Assert.Equal("Oud-deelnemer", await custom.WithDbAsync(db => db.Participants.Where(p => p.Id == guestId).Select(p => p.DisplayName).SingleAsync()));
        using var admin = await custom.SignInAsync((await custom.Data.UserAsync(admin: true)).Email!);
        var page = await admin.OpenAsync("/beheer/bewaartermijnen");
        Assert.Contains("6 maanden na het einde van de sessie", page.MainText, StringComparison.Ordinal);
        Assert.Contains("3 dagen na het maken", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Het vanzelf toepassen staat uit", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_storys_text_is_gone_from_the_write_ahead_log()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await Stories.StoryTestData.StoryAsync(factory, team.Id, Features.Stories.ConsentScope.Project);
        var wal = Path.Combine(factory.DataDirectory, "proeftuin.db-wal");
        using var teller = factory.NewBrowser();
        var page = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}");
        using (var r = await teller.SubmitAsync(page.FormWithAction("/intrekken"), new { })) Expect.NotServerError(r, "withdraw");
        Assert.Equal("", (await Stories.StoryTestData.StoryRowAsync(factory, story.Id))!.Text);
        if (ProeftuinFactory.IsPostgres)
        {
            // No write-ahead log file to empty: the helper does nothing, and says nothing.
            await factory.WithDbAsync(async db => { await Proeftuin.Data.DatabaseCheckpoint.TruncateWalAsync(db); return 0; });
            return;
        }
        Assert.True(File.Exists(wal), "SQLite runs in WAL mode");
        Assert.DoesNotContain(story.Marker, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal)), StringComparison.Ordinal);
    }

    private static Task<int> RunsAsync(ProeftuinFactory f) =>
        f.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.RetentionApplied && e.ActorKind == ActorKinds.System));

    private static async Task<int> WaitForRunsAsync(ProeftuinFactory f, int atLeast)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        int runs;
        while ((runs = await RunsAsync(f)) < atLeast && DateTime.UtcNow < until) await Task.Delay(100);
        return runs;
    }

    [Fact]
    public async Task The_job_runs_a_minute_after_start_and_again_after_the_interval_on_the_apps_clock()
    {
        await using var on = new ProeftuinFactory().WithSetting("Retention:Enabled", "true").WithSetting("Retention:IntervalHours", "6");
        using (var browser = on.NewBrowser()) (await browser.GetAsync("/")).Dispose();
        // Not while the app starts.
        await Task.Delay(300);
        Assert.Equal(0, await RunsAsync(on));
        on.Clock.Advance(Proeftuin.Features.Retention.RetentionJob.FirstRunDelay);
        Assert.Equal(1, await WaitForRunsAsync(on, 1));
        on.Clock.Advance(TimeSpan.FromHours(5));
        await Task.Delay(300);
        Assert.Equal(1, await RunsAsync(on));
        on.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await WaitForRunsAsync(on, 2));
    }

    [Fact]
    public async Task The_job_can_be_switched_off()
    {
        await using var off = new ProeftuinFactory().WithSetting("Retention:Enabled", "false");
        using (var browser = off.NewBrowser()) (await browser.GetAsync("/")).Dispose();
        off.Clock.Advance(TimeSpan.FromDays(3));
        await Task.Delay(500);
        Assert.Equal(0, await RunsAsync(off));
        // The use case itself still works (the admin's button).
        await off.WithScopeAsync(s => s.GetRequiredService<ApplyRetention>().RunAsync());
        Assert.Equal(1, await RunsAsync(off));
    }
}
