using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Demo sessions for "Samen tegen eenzaamheid in de wijk": one closed brainstorm on the project's question (silent
/// writing in private, revealed; clustering; dot voting, closed) with members and two guests, and the idea made from
/// its favourite cluster; plus one planned follow-up session.
/// </summary>
internal static class DemoSessions
{
    public const string ClosedTitle = "Zondagen anders: ideeën voor ontmoeting";
    public const string PlannedTitle = "Vervolg: het open huis uitwerken";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var question = await db.Items.OfType<Question>().Where(q => q.ProjectId == lonely.Id).OrderBy(q => q.Id).FirstAsync();
        var held = now.AddDays(-14);

        var session = new LiveSession
        {
            ProjectId = lonely.Id,
            Title = ClosedTitle,
            State = SessionState.Closed,
            JoinCode = JoinCodes.New(),
            CreatedById = users["procesbegeleider"].Id,
            CreatedAt = held.AddDays(-3),
            StartedAt = held,
            ClosedAt = held.AddMinutes(50),
            Phase = lonely.Phase,
        };
        var write = new Step
        {
            Position = 0,
            Form = WorkForm.SilentWriting,
            Mode = StepMode.Write,
            Title = "Stil schrijven",
            Instruction = "Schrijf in stilte op wat jou op zondag zou helpen om iemand te treffen. Eén idee per post-it.",
            Minutes = 5,
            Private = true,
            Revealed = true,
            StartedAt = held,
            EndsAt = held.AddMinutes(5),
        };
        var cluster = new Step
        {
            Position = 1,
            Form = WorkForm.Clustering,
            Mode = StepMode.Cluster,
            Title = "Clusteren",
            Instruction = "Zet post-its die bij elkaar horen in één cluster en geef het cluster een naam.",
            Minutes = 10,
            StartedAt = held.AddMinutes(8),
            EndsAt = held.AddMinutes(18),
        };
        var vote = new Step
        {
            Position = 2,
            Form = WorkForm.DotVoting,
            Mode = StepMode.Vote,
            Title = "Stippen stemmen",
            Instruction = "Je hebt drie stippen. Zet ze op de post-its die jij het meest kansrijk vindt.",
            Minutes = 5,
            VotesPerPerson = 3,
            SeveralPerNote = true,
            VotingClosed = true,
            StartedAt = held.AddMinutes(20),
            EndsAt = held.AddMinutes(25),
        };
        session.Steps.AddRange([write, cluster, vote]);
        session.Questions.Add(new SessionQuestion { QuestionId = question.Id });
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        session.CurrentStepId = vote.Id;

        Participant Member(string user, Perspective perspective) => new()
        {
            SessionId = session.Id,
            UserId = users[user].Id,
            DisplayName = users[user].DisplayName,
            Perspective = perspective,
            JoinedAt = held.AddMinutes(-5),
        };
        // Guests joined by code; their cookie keys are long gone, only a hash of a random key stays.
        Participant Guest(string name, Perspective perspective) => new()
        {
            SessionId = session.Id,
            GuestKeyHash = Tokens.Hash(Tokens.New()),
            DisplayName = name,
            Perspective = perspective,
            JoinedAt = held.AddMinutes(-3),
        };
        var fatima = Member("procesbegeleider", Perspective.Professional);
        var ans = Member("inwoner", Perspective.Experience);
        var mark = Member("wijkteam", Perspective.Professional);
        var joost = Member("onderzoeker", Perspective.Scientific);
        var riet = Guest("Riet", Perspective.Experience);
        var yusuf = Guest("Yusuf", Perspective.Experience);
        db.Participants.AddRange(fatima, ans, mark, joost, riet, yusuf);

        var open = new Cluster { SessionId = session.Id, Name = "Een open huis op zondag", Position = 0, CreatedAt = held.AddMinutes(10) };
        var neighbours = new Cluster { SessionId = session.Id, Name = "Buren die even aanbellen", Position = 1, CreatedAt = held.AddMinutes(11) };
        var meals = new Cluster { SessionId = session.Id, Name = "Samen eten", Position = 2, CreatedAt = held.AddMinutes(12) };
        db.Clusters.AddRange(open, neighbours, meals);
        await db.SaveChangesAsync();

        var minute = 0;
        Note N(Participant by, string text, Cluster? into) => new()
        {
            SessionId = session.Id,
            StepId = write.Id,
            Participant = by,
            Text = text,
            ClusterId = into?.Id,
            CreatedAt = held.AddMinutes(1).AddSeconds(20 * minute++),
        };
        var notes = new[]
        {
            N(ans, "Het wijkcentrum op zondagmiddag open, met koffie en zonder programma.", open),
            N(riet, "Een plek waar je gewoon binnen kunt lopen, ook als je niemand kent.", open),
            N(mark, "De bibliotheek op zondag open als huiskamer van de wijk.", open),
            N(yusuf, "Een briefje in de bus: „Zin in een praatje? Bel aan op nummer 12.”", neighbours),
            N(ans, "Buren die op zondag even aanbellen, zonder dat het hulp heet.", neighbours),
            N(joost, "Vaste, kleine contacten werken beter dan een groot aanbod.", neighbours),
            N(riet, "Eén keer per maand samen koken en eten in de buurtkamer.", meals),
            N(fatima, "Een zondagse soep bij de kerk of de moskee, voor iedereen.", meals),
            N(mark, "Vrijwilligers die mensen ophalen met de auto.", null),
        };
        db.Notes.AddRange(notes);
        await db.SaveChangesAsync();

        // Three stippen each, cast in the vote step.
        var ballots = new (Participant By, int[] On)[]
        {
            (ans, [0, 0, 4]), (riet, [1, 0, 6]), (yusuf, [3, 1, 0]), (mark, [2, 0, 8]), (joost, [5, 0, 2]), (fatima, [0, 7, 4]),
        };
        foreach (var (by, on) in ballots)
            foreach (var i in on)
                db.Votes.Add(new Vote { SessionId = session.Id, StepId = vote.Id, ParticipantId = by.Id, NoteId = notes[i].Id, CreatedAt = held.AddMinutes(22) });

        // The favourite cluster became an idea on the thread, as the facilitator does with MakeIdea.
        var text = string.Join("\n", notes.Where(n => n.ClusterId == open.Id).Select(n => "- " + n.Text));
        var idea = new Idea
        {
            ProjectId = lonely.Id,
            SessionId = session.Id,
            Title = open.Name,
            Text = text,
            Html = markdown.ToSafeHtml(text),
            KnowledgeSource = MakeIdea.MostCommon(notes.Where(n => n.ClusterId == open.Id).Select(n => n.Participant.Perspective)),
            Phase = lonely.Phase,
            AuthorId = users["procesbegeleider"].Id,
            CreatedAt = held.AddMinutes(45),
            UpdatedAt = held.AddMinutes(45),
        };
        idea.SearchTerms = DutchStems.ToSearchTerms(idea.Title, idea.Text);
        db.Items.Add(idea);
        await db.SaveChangesAsync();
        open.IdeaId = idea.Id;
        // The idea answers the question: it came out of it (LinkFlow), so "De zondagen" and every story behind the
        // question reach it, and their tellers were told, as NotifyTeller does when a facilitator makes an idea.
        var upstream = await ThreadGraph.UpstreamAsync(db, question.Id, CancellationToken.None);
        db.Links.Add(new Link { ProjectId = lonely.Id, FromId = idea.Id, ToId = question.Id, Type = LinkType.Answers, CreatedById = users["procesbegeleider"].Id, CreatedAt = held.AddMinutes(45) });
        foreach (var told in await db.Stories.Where(s => upstream.Contains(s.Id) && s.TellerId != null && s.WithdrawnAt == null).ToListAsync())
            db.Notifications.Add(new Notification { UserId = told.TellerId!, Text = NotifyTeller.IdeaText(idea.Title, told.Title), Url = NotifyTeller.OutcomePath(told.Id), StoryId = told.Id, CreatedAt = held.AddMinutes(45) });
        session.Sequence = 60;

        var planned = new LiveSession
        {
            ProjectId = lonely.Id,
            Title = PlannedTitle,
            State = SessionState.Planned,
            JoinCode = JoinCodes.New(),
            CreatedById = users["procesbegeleider"].Id,
            CreatedAt = now.AddDays(-1),
            // Planned two weeks ahead, on a weekday evening in the neighbourhood room.
            PlannedDate = DateOnly.FromDateTime(now.AddDays(14)),
            PlannedTime = new TimeOnly(19, 30),
            Place = "Buurtkamer De Linde",
        };
        planned.Steps.AddRange([
            new Step
            {
                Position = 0, Form = WorkForm.CrazyEights, Mode = StepMode.Write, Title = "Crazy 8's",
                Instruction = "Bedenk in acht minuten acht manieren om het open huis te laten werken. Snel en slordig mag.",
                Minutes = 8, Private = true, Anonymous = true,
            },
            new Step
            {
                Position = 1, Form = WorkForm.DotVoting, Mode = StepMode.Vote, Title = "Stippen stemmen",
                Instruction = "Je hebt drie stippen. Kies wat we als eerste uitproberen.",
                Minutes = 5, VotesPerPerson = 3,
            },
        ]);
        planned.Questions.Add(new SessionQuestion { QuestionId = question.Id });
        db.Sessions.Add(planned);
        await db.SaveChangesAsync();
    }
}
