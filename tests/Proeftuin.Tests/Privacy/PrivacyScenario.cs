using Proeftuin.Features.Accounts;
using Proeftuin.Features.Audit;
using Proeftuin.Features.News;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Privacy;

/// <summary>
/// A project where "the person" did a bit of everything (stories in every consent scope, a comment, an insight, a
/// session with a post-it and a stip, a notification, an invitation, news, a phase move, an audit entry), next to
/// "the other" member who did the same kind of things. Every text carries a marker, so a search of a file or an
/// export tells whose it is.
/// </summary>
public sealed record PrivacyScenario(
    int ProjectId, string ProjectTitle, AppUser Facilitator, AppUser Person, AppUser Other,
    int TeamStoryId, int ProjectStoryId, int PublicStoryId, int OtherStoryId, int InsightId, int SessionId,
    string Marker, string OtherMarker)
{
    public string PersonTeamText => $"Teamverhaal {Marker} over schulden en de huisarts";
    public string PersonProjectText => $"Projectverhaal {Marker} over mijn moeder";
    public string PersonPublicText => $"Openbaar verhaal {Marker} over de buurt";
    public string PersonComment => $"Reactie {Marker} bij het inzicht";
    public string PersonNote => $"Postit {Marker} in de sessie";
    public string PersonInsight => $"Inzicht {Marker} uit de gesprekken";
    public string OtherStoryText => $"Verhaal {OtherMarker} van iemand anders";
    public string OtherComment => $"Reactie {OtherMarker} van iemand anders";
    public string OtherNote => $"Postit {OtherMarker} van iemand anders";

    public static async Task<PrivacyScenario> CreateAsync(ProeftuinFactory factory)
    {
        var marker = "pk" + Guid.NewGuid().ToString("N")[..10];
        var otherMarker = "ok" + Guid.NewGuid().ToString("N")[..10];
        var facilitator = await factory.Data.UserAsync(displayName: "Begeleider " + Guid.NewGuid().ToString("N")[..6]);
        var person = await factory.Data.UserAsync(email: $"{marker}@example.nl", perspective: Perspective.Experience, displayName: $"Naam{marker} Zonnebloem");
        var other = await factory.Data.UserAsync(email: $"{otherMarker}@example.nl", perspective: Perspective.Professional, displayName: $"Naam{otherMarker} Klaproos");
        var title = "Privacyproject " + marker[..6];
        var projectId = await factory.Data.ProjectAsync(title: title, members: [(facilitator, ProjectRole.Facilitator), (person, ProjectRole.Member), (other, ProjectRole.Member)]);
        var s = new PrivacyScenario(projectId, title, facilitator, person, other, 0, 0, 0, 0, 0, 0, marker, otherMarker);
        return await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            Story Story(AppUser teller, ConsentScope scope, string text, string name) => new()
            {
                ProjectId = projectId,
                Title = "Titel " + text,
                Text = text,
                Html = text,
                TellerId = teller.Id,
                AuthorId = teller.Id,
                TellerName = name,
                Scope = scope,
                KnowledgeSource = teller.DefaultPerspective,
                CreatedAt = now,
                UpdatedAt = now,
                ConsentAt = now,
                ConsentById = teller.Id,
                SearchTerms = text.ToLowerInvariant(),
                SignificationJson = $"{{\"choices\":{{\"c1\":\"{(teller == person ? marker : otherMarker)}\"}}}}",
                SignifiedAt = now,
                FrameworkVersion = 1,
            };
            var team = Story(person, ConsentScope.Team, s.PersonTeamText, $"Naam{marker} Zonnebloem");
            var proj = Story(person, ConsentScope.Project, s.PersonProjectText, $"Naam{marker} Zonnebloem");
            var pub = Story(person, ConsentScope.PublicAnonymised, s.PersonPublicText, $"Naam{marker} Zonnebloem");
            var otherStory = Story(other, ConsentScope.Project, s.OtherStoryText, $"Naam{otherMarker} Klaproos");
            db.Stories.AddRange(team, proj, pub, otherStory);
            var insight = new Insight { ProjectId = projectId, Title = s.PersonInsight, Text = s.PersonInsight, Html = s.PersonInsight, AuthorId = person.Id, KnowledgeSource = Perspective.Experience, CreatedAt = now, UpdatedAt = now };
            db.Items.Add(insight);
            await db.SaveChangesAsync();
            db.StoryConsentChanges.Add(new StoryConsentChange { StoryId = proj.Id, At = now, Kind = ConsentChangeKind.Quote, From = "false", To = "true", ByTeller = true, ById = person.Id });
            db.Comments.Add(new Comment { ItemId = insight.Id, ProjectId = projectId, AuthorId = person.Id, Text = s.PersonComment, Html = $"<p>{s.PersonComment}</p>", CreatedAt = now });
            db.Comments.Add(new Comment { ItemId = insight.Id, ProjectId = projectId, AuthorId = other.Id, Text = s.OtherComment, Html = $"<p>{s.OtherComment}</p>", CreatedAt = now.AddSeconds(1) });
            db.Links.Add(new Link { ProjectId = projectId, FromId = otherStory.Id, ToId = insight.Id, Type = LinkType.Supports, CreatedById = person.Id, CreatedAt = now });
            var session = new LiveSession { ProjectId = projectId, Title = "Sessie " + marker[..6], JoinCode = marker[2..8].ToUpperInvariant(), State = SessionState.Running, CreatedById = facilitator.Id, CreatedAt = now };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            var step = new Step { SessionId = session.Id, Position = 0, Form = WorkForm.DotVoting, Mode = StepMode.Vote, Title = "Stemmen", VotesPerPerson = 3 };
            db.Steps.Add(step);
            var seatP = new Participant { SessionId = session.Id, UserId = person.Id, DisplayName = $"Naam{marker} Zonnebloem", Perspective = Perspective.Experience, JoinedAt = now };
            var seatO = new Participant { SessionId = session.Id, UserId = other.Id, DisplayName = $"Naam{otherMarker} Klaproos", Perspective = Perspective.Professional, JoinedAt = now };
            db.Participants.AddRange(seatP, seatO);
            await db.SaveChangesAsync();
            var noteP = new Note { SessionId = session.Id, StepId = step.Id, ParticipantId = seatP.Id, Text = s.PersonNote, CreatedAt = now };
            var noteO = new Note { SessionId = session.Id, StepId = step.Id, ParticipantId = seatO.Id, Text = s.OtherNote, CreatedAt = now };
            db.Notes.AddRange(noteP, noteO);
            await db.SaveChangesAsync();
            db.Votes.Add(new Vote { SessionId = session.Id, StepId = step.Id, ParticipantId = seatP.Id, NoteId = noteO.Id, CreatedAt = now });
            db.Votes.Add(new Vote { SessionId = session.Id, StepId = step.Id, ParticipantId = seatO.Id, NoteId = noteP.Id, CreatedAt = now });
            db.Notifications.Add(new Notification { UserId = person.Id, Text = $"Melding {marker} over je verhaal", Url = "/mijn", CreatedAt = now });
            db.Notifications.Add(new Notification { UserId = other.Id, Text = $"Melding {otherMarker} voor een ander", Url = "/mijn", CreatedAt = now });
            db.Invitations.Add(new Invitation { ProjectId = projectId, Email = person.Email, TokenHash = Guid.NewGuid().ToString("N"), Role = ProjectRole.Member, CreatedById = facilitator.Id, CreatedAt = now, ExpiresAt = now.AddDays(14), AcceptedAt = now, AcceptedById = person.Id });
            db.Invitations.Add(new Invitation { ProjectId = projectId, Email = other.Email, TokenHash = Guid.NewGuid().ToString("N"), Role = ProjectRole.Member, CreatedById = person.Id, CreatedAt = now, ExpiresAt = now.AddDays(14) });
            db.NewsItems.Add(new NewsItem { ProjectId = projectId, Title = $"Nieuws {marker}", BodyMarkdown = "Tekst", BodyHtml = "<p>Tekst</p>", PublishedAt = now, AuthorId = person.Id });
            db.PhaseTransitions.Add(new PhaseTransition { ProjectId = projectId, FromPhase = Phase.Empathize, ToPhase = Phase.Define, Reason = $"Reden {marker}", ByUserId = person.Id, At = now });
            db.AuditEvents.Add(new AuditEvent { At = now, Action = AuditAction.RoleChanged, ActorUserId = facilitator.Id, ProjectId = projectId, SubjectType = "membership", SubjectUserId = person.Id, Detail = "Rol: Toeschouwer → Deelnemer" });
            await db.SaveChangesAsync();
            return s with { TeamStoryId = team.Id, ProjectStoryId = proj.Id, PublicStoryId = pub.Id, OtherStoryId = otherStory.Id, InsightId = insight.Id, SessionId = session.Id };
        });
    }

    /// <summary>Texts that identify the other member: none may appear in the person's export.</summary>
    public IEnumerable<string> OtherTraces => [OtherMarker, Other.DisplayName, Other.Email!, OtherStoryText, OtherComment, OtherNote];
}
