using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>A guest of a live session: its participant row and the key its cookie carries.</summary>
public sealed record Guest(int ParticipantId, string Key);

/// <summary>
/// What the fault tests write into, added to the demo data (seeded by the app on its first start) straight into the
/// database: the demo project "lonely" (members Ans and Mark may share stories there), a running session whose current
/// step takes post-its, and a running session whose current step is dot voting on twenty visible post-its, each with
/// its own guests (a guest may write 20 post-its a minute and give 20 stippen, so a storm needs many of them).
/// </summary>
public sealed record Scenario(int ProgrammeId, int ProjectId, int? PromptId, string[] StoryWriters,
    int NotesSessionId, Guest[] NoteGuests, int VoteSessionId, Guest[] VoteGuests, int[] VoteNoteIds)
{
    public const int VotesPerGuest = 20;
    public static readonly string[] Readers = DemoData.Users.Select(u => u.Email).ToArray();

    public static async Task<Scenario> SeedAsync(Database database, int noteGuests = 60, int voteGuests = 30)
    {
        await using var db = database.Open();
        var now = DateTime.UtcNow;
        var writers = new[] { "inwoner@proeftuin.demo", "wijkteam@proeftuin.demo" };
        var programme = await db.Programmes.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        // The demo project where both writers are members.
        var project = await db.Projects.Where(p => p.Members.Any(m => m.User.Email == writers[0] && m.Role == ProjectRole.Member)
                && p.Members.Any(m => m.User.Email == writers[1] && m.Role == ProjectRole.Member))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var prompt = await db.StoryPrompts.Where(p => p.ProjectId == project && !p.IsArchived).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var facilitator = await db.Users.Where(u => u.Email == "procesbegeleider@proeftuin.demo").Select(u => u.Id).FirstAsync();

        var notes = Session(project, facilitator, now, "Storm: post-its schrijven");
        var write = WriteStep(0, now);
        notes.Steps.Add(write);
        var votes = Session(project, facilitator, now, "Storm: stippen zetten");
        var earlier = WriteStep(0, now.AddMinutes(-10));
        var vote = new Step
        {
            Position = 1,
            Form = WorkForm.DotVoting,
            Mode = StepMode.Vote,
            Title = "Stippen",
            Instruction = "Zet je stippen.",
            Minutes = 240,
            VotesPerPerson = VotesPerGuest,
            SeveralPerNote = true,
            StartedAt = now,
            EndsAt = now.AddHours(4),
        };
        votes.Steps.AddRange([earlier, vote]);
        db.Sessions.AddRange(notes, votes);
        await db.SaveChangesAsync();
        notes.CurrentStepId = write.Id;
        votes.CurrentStepId = vote.Id;

        var noteKeys = Guests(db, notes.Id, noteGuests, now, "Schrijver");
        var voteKeys = Guests(db, votes.Id, voteGuests, now, "Stemmer");
        var author = new Participant { SessionId = votes.Id, GuestKeyHash = Tokens.Hash(Tokens.New()), DisplayName = "Bedenker", Perspective = Perspective.Experience, JoinedAt = now };
        db.Participants.Add(author);
        await db.SaveChangesAsync();
        var ideas = Enumerable.Range(1, 20).Select(i => new Note
        {
            SessionId = votes.Id,
            StepId = earlier.Id,
            ParticipantId = author.Id,
            Text = $"Idee {i}: een open huis op zondag",
            CreatedAt = now.AddMinutes(-5),
        }).ToList();
        db.Notes.AddRange(ideas);
        await db.SaveChangesAsync();
        return new Scenario(programme, project, prompt, writers,
            notes.Id, noteKeys.Select(g => new Guest(g.Row.Id, g.Key)).ToArray(),
            votes.Id, voteKeys.Select(g => new Guest(g.Row.Id, g.Key)).ToArray(), ideas.Select(n => n.Id).ToArray());
    }

    private static LiveSession Session(int project, string facilitator, DateTime now, string title) => new()
    {
        ProjectId = project,
        Title = title,
        State = SessionState.Running,
        JoinCode = JoinCodes.New(),
        CreatedById = facilitator,
        CreatedAt = now,
        StartedAt = now,
    };

    private static Step WriteStep(int position, DateTime now) => new()
    {
        Position = position,
        Form = WorkForm.SilentWriting,
        Mode = StepMode.Write,
        Title = "Schrijven",
        Instruction = "Schrijf op wat jou zou helpen.",
        Minutes = 240,
        Private = false,
        StartedAt = now,
        EndsAt = now.AddHours(4),
    };

    private static List<(Participant Row, string Key)> Guests(AppDbContext db, int sessionId, int count, DateTime now, string name)
    {
        var list = new List<(Participant, string)>();
        for (var i = 1; i <= count; i++)
        {
            var key = Tokens.New();
            var row = new Participant { SessionId = sessionId, GuestKeyHash = Tokens.Hash(key), DisplayName = $"{name} {i}", Perspective = Perspective.Experience, JoinedAt = now };
            db.Participants.Add(row);
            list.Add((row, key));
        }
        return list;
    }

    /// <summary>A person holding this guest's cookie.</summary>
    public static Person AsGuest(Uri baseUri, int sessionId, Guest guest)
    {
        var person = new Person(baseUri);
        person.HoldGuestKey(sessionId, guest.Key);
        return person;
    }
}
