using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;
using Proeftuin.Features.News;
using Proeftuin.Features.Privacy;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Experiments;
using Proeftuin.Tests.Sessions;
using Proeftuin.Tests.Stories;
using Proeftuin.Web;
using ThreadData = Proeftuin.Tests.Thread.ThreadData;

namespace Proeftuin.Tests.Web;

/// <summary>The nine kinds of people the authorization matrix asks for, in the order of the table's columns.</summary>
public enum Role
{
    Anonymous,
    Guest,
    KeyHolder,
    Observer,
    Member,
    Evaluator,
    Facilitator,
    OtherFacilitator,
    Admin,
}

/// <summary>
/// Every database write a probe caused. Only commands run for a request (or hub connection) that carries the
/// <see cref="Header"/> count, so the app's own background work is not blamed on a probe.
/// </summary>
public sealed class WriteWatch(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    public const string Header = "X-Matrix-Probe";
    private static readonly Regex Write = new(@"^\s*(INSERT|UPDATE|DELETE|MERGE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private readonly ConcurrentQueue<string> writes = new();

    /// <summary>The writes since the last call, one SQL statement's first line each.</summary>
    public IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (writes.TryDequeue(out var w)) taken.Add(w);
        return taken;
    }

    private void Note(DbCommand command)
    {
        if (accessor.HttpContext?.Request.Headers.ContainsKey(Header) != true) return;
        var text = command.CommandText;
        if (!Write.IsMatch(text)) return;
        // The data-protection key ring is made on first use, whoever asks first: not a change by the probe.
        if (text.Contains("DataProtectionKeys", StringComparison.OrdinalIgnoreCase)) return;
        var line = Write.Match(text).Index;
        var first = text[line..].TrimStart().Split('\n')[0].Trim();
        writes.Enqueue(first.Length > 160 ? first[..160] : first);
    }

    // A bulk UPDATE or DELETE counts when it changed a row: "delete where id = 0" changes nothing.
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0) Note(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0) Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Note(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Note(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The app for the matrix: the usual test app, with every database write of a probe recorded, and room for many shares.</summary>
public sealed class MatrixFactory : ProeftuinFactory
{
    public MatrixFactory() => WithSetting("RateLimits:SharePerQuarter", "10000").WithSetting("RateLimits:JoinPerMinute", "10000");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<WriteWatch>();
            services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WriteWatch>()));
            services.ConfigureDbContext<PostgresAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WriteWatch>()));
        });
    }

    public WriteWatch Writes => Services.GetRequiredService<WriteWatch>();
}

/// <summary>One route (or hub method) as the app has it: "GET /projecten/{id:int}", "POST /projecten/{id:int}/leden?handler=Role", "HUB SessionHub.AddNote".</summary>
public static class RouteInventory
{
    /// <summary>Every route the app serves, read from its endpoints at run time, and every public hub method.</summary>
    public static async Task<SortedSet<string>> ReadAsync(IServiceProvider services)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var loader = services.GetRequiredService<PageLoader>();
        var sources = services.GetServices<EndpointDataSource>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var meta = endpoint.Metadata;
            // Every file under wwwroot is an endpoint of its own: they have one row together.
            if (meta.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                found.Add(StaticAssets);
                continue;
            }
            var template = Normalize(endpoint.RoutePattern.RawText ?? "");
            if (meta.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, meta);
                // A page renders on GET whether or not its model says OnGet.
                found.Add("GET " + template);
                foreach (var handler in compiled.HandlerMethods)
                    found.Add($"{handler.HttpMethod.ToUpperInvariant()} {template}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
                continue;
            }
            if (meta.GetMetadata<HubMetadata>() is not null)
            {
                found.Add("HUB " + template);
                continue;
            }
            var methods = meta.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
                found.Add($"{method} {template}");
        }
        foreach (var hub in HubTypes())
            foreach (var method in HubMethods(hub))
                found.Add($"HUB {hub.Name}.{method}");
        return found;
    }

    public const string StaticAssets = "GET (static assets)";

    public static string Normalize(string template)
    {
        var t = "/" + template.Trim('/');
        return t;
    }

    /// <summary>The hubs of the live sessions, found by reflection so a new hub cannot slip past the table.</summary>
    public static IEnumerable<Type> HubTypes() =>
        typeof(SessionHub).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SessionHub).Namespace && !t.IsAbstract && typeof(Hub).IsAssignableFrom(t));

    public static IEnumerable<string> HubMethods(Type hub) =>
        hub.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync) or nameof(Hub.Dispose)))
            .Select(m => m.Name)
            .Distinct();
}

/// <summary>
/// The seeded world every probe runs in: an open project P and a members-only project Q with the same team
/// (observer, member, evaluator, facilitator), another project R with its own facilitator, an admin, a guest of
/// P's live sessions and the holder of one team-only story's key; and content to ask for and to hide.
/// Made once for the whole test class. Nothing depends on ids: they are read back after seeding.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public MatrixFactory Factory { get; } = new();

    /// <summary>Unique words planted in content that some roles must never see in any answer.</summary>
    public string TeamStoryMarker { get; } = "Teamgeheim" + Guid.NewGuid().ToString("N")[..10];
    public string ClosedMarker { get; } = "Ledengeheim" + Guid.NewGuid().ToString("N")[..10];
    public string WithdrawnMarker { get; } = "Ingetrokkengeheim" + Guid.NewGuid().ToString("N")[..10];
    /// <summary>A plain word in every planted text, so search pages and link pickers can be asked for all of them at once.</summary>
    public const string SearchWord = "vertrouwelijk";

    public int Programme { get; private set; }
    public int P { get; private set; }
    public int Q { get; private set; }
    public int R { get; private set; }
    public Dictionary<Role, string> Emails { get; } = [];
    public Dictionary<Role, string> UserIds { get; } = [];

    /// <summary>The story whose key the key holder has (team only, told through the share link).</summary>
    public SeededStory KeyStory { get; private set; } = null!;
    public string KeyStoryShortCode { get; private set; } = "";
    public int TeamStory { get; private set; }
    /// <summary>A story the facilitator recorded at the kitchen table (team only, opened by a short code).</summary>
    public int RecordedStory { get; private set; }
    public int ProjectStory { get; private set; }
    public int WithdrawnStory { get; private set; }
    public int Prompt { get; private set; }
    public int Insight { get; private set; }
    public int Question { get; private set; }
    public int Journey { get; private set; }
    public int JourneyStep { get; private set; }
    public int Link { get; private set; }
    public int Comment { get; private set; }
    public int News { get; private set; }
    public int Partner { get; private set; }
    public string InvitationToken { get; private set; } = "";
    public int InvitationId { get; private set; }
    public string ShareToken { get; private set; } = "";
    public int Export { get; private set; }
    public string ExportToken { get; private set; } = "";

    /// <summary>P's live sessions: writing (current step Write), clustering, voting, a closed vote (results), and one planned.</summary>
    public SeededSession Writing { get; private set; } = null!;
    public SeededSession Clustering { get; private set; } = null!;
    public SeededSession Voting { get; private set; } = null!;
    public SeededSession Planned { get; private set; } = null!;
    /// <summary>A session whose vote step is closed: its results may be asked for.</summary>
    public SeededSession Voted { get; private set; } = null!;
    public int GuestNote { get; private set; }
    public int ClusterNote { get; private set; }
    public int VoteNote { get; private set; }
    public int ClusterA { get; private set; }
    public int ClusterB { get; private set; }
    public Dictionary<int, string> GuestKeys { get; } = [];
    public int GuestParticipant(int sessionId) => guestParticipants[sessionId];
    private readonly Dictionary<int, int> guestParticipants = [];

    #region Prototypes (issue 12): a prototype in P and in Q, each with an assumption and an attachment
    public int Prototype { get; private set; }
    public int QPrototype { get; private set; }
    public int Assumption { get; private set; }
    public int QAssumption { get; private set; }
    public int Attachment { get; private set; }
    public int QAttachment { get; private set; }

    /// <summary>A prototype of P from an idea of P, with an assumption and an attachment: what the matrix probes act on.</summary>
    private async Task<(int Prototype, int Assumption, int Attachment)> SeedPrototypeAsync(int project, string title, string authorId)
    {
        var idea = await ThreadData.ItemAsync(Factory, project, ItemKind.Idea, "Idee voor " + title, authorId: authorId);
        var prototype = await Proeftuin.Tests.Prototypes.PrototypeData.PrototypeAsync(Factory, project, title, authorId, idea);
        var (assumption, attachment) = await Factory.WithDbAsync(async db =>
        {
            var a = new Proeftuin.Features.Prototypes.Assumption
            {
                PrototypeId = prototype,
                Text = "Aanname bij " + title,
                Risk = Proeftuin.Features.Prototypes.AssumptionRisk.High,
                Certainty = Proeftuin.Features.Prototypes.AssumptionCertainty.Unsure,
                AuthorId = authorId,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            var f = new Proeftuin.Features.Prototypes.PrototypeAttachment
            {
                PrototypeId = prototype,
                FileName = "schets.png",
                ContentType = "image/png",
                Content = Proeftuin.Tests.Prototypes.PrototypeData.Png(),
                Size = 64,
                AltText = "Schets bij " + title,
                UploadedById = authorId,
                UploadedAt = DateTime.UtcNow,
            };
            db.AddRange(a, f);
            await db.SaveChangesAsync();
            return (a.Id, f.Id);
        });
        return (prototype, assumption, attachment);
    }

    public async Task<Targets> FreshAssumptionAsync()
    {
        var (prototype, assumption, _) = await SeedPrototypeAsync(P, "Weg te halen aanname", UserIds[Role.Member]);
        return ForP.With(("Prototype", Str(prototype)), ("Assumption", Str(assumption)));
    }

    public async Task<Targets> FreshAttachmentAsync()
    {
        var (prototype, _, attachment) = await SeedPrototypeAsync(P, "Weg te halen bijlage", UserIds[Role.Member]);
        return ForP.With(("Prototype", Str(prototype)), ("Attachment", Str(attachment)));
    }
    #endregion

    /// <summary>Q's own content, reached by the leak scan with Q's route values.</summary>
    public int QStory { get; private set; }
    public int QItem { get; private set; }
    public int QNews { get; private set; }
    public SeededSession QSession { get; private set; } = null!;

    /// <summary>Route values in P (the table's probes) and in Q (the leak scan's second round).</summary>
    public Targets ForP { get; private set; } = null!;
    public Targets ForQ { get; private set; } = null!;

    /// <summary>GET answers already asked, shared by the matrix and the leak scan (same request, same answer).</summary>
    public Dictionary<string, object> Answers { get; } = [];

    private readonly Dictionary<Role, Browser> browsers = [];
    private readonly Dictionary<Role, string> tokens = [];
    private readonly Dictionary<Role, LiveClient> hubs = [];

    public Browser Browser(Role role) => browsers[role];

    public async Task InitializeAsync()
    {
        var f = Factory;
        var data = f.Data;
        Programme = await data.ProgrammeIdAsync();
        var observer = await data.UserAsync(perspective: Perspective.Scientific, displayName: "Matrix Toeschouwer");
        var member = await data.UserAsync(perspective: Perspective.Experience, displayName: "Matrix Deelnemer");
        var evaluator = await data.UserAsync(perspective: Perspective.Scientific, displayName: "Matrix Evaluator");
        var facilitator = await data.UserAsync(perspective: Perspective.Professional, displayName: "Matrix Procesbegeleider");
        var other = await data.UserAsync(perspective: Perspective.Professional, displayName: "Matrix Andere procesbegeleider");
        var admin = await data.UserAsync(displayName: "Matrix Beheerder", admin: true);
        foreach (var (role, user) in new[] { (Role.Observer, observer), (Role.Member, member), (Role.Evaluator, evaluator), (Role.Facilitator, facilitator), (Role.OtherFacilitator, other), (Role.Admin, admin) })
        {
            Emails[role] = user.Email!;
            UserIds[role] = user.Id;
        }
        (Proeftuin.Features.Accounts.AppUser, ProjectRole)[] team = [(facilitator, ProjectRole.Facilitator), (observer, ProjectRole.Observer), (member, ProjectRole.Member), (evaluator, ProjectRole.Evaluator)];
        P = await data.ProjectAsync("Matrixproject open", Visibility.Open, Phase.Define, members: team);
        Q = await data.ProjectAsync("Matrixproject " + ClosedMarker, Visibility.MembersOnly, Phase.Define, members: team);
        R = await data.ProjectAsync("Matrixproject ander", Visibility.Open, members: [(other, ProjectRole.Facilitator)]);

        // Stories in P: the key holder's (team only), another team-only one nobody outside the team may see,
        // one for the project, and a withdrawn one planted with its text still there, so every place that forgets
        // to leave withdrawn stories out shows the marker.
        Prompt = await f.PromptAsync(P);
        KeyStory = await f.StoryAsync(P, ConsentScope.Team, promptId: Prompt);
        TeamStory = await ThreadData.StoryAsync(f, P, ConsentScope.Team, title: "Verhaal " + TeamStoryMarker, text: $"{SearchWord} {TeamStoryMarker} over schulden.", tellerName: "Teller " + TeamStoryMarker);
        ProjectStory = await ThreadData.StoryAsync(f, P, ConsentScope.Project, title: "Projectverhaal", text: $"{SearchWord} over de buurt.", tellerId: member.Id);
        WithdrawnStory = await ThreadData.StoryAsync(f, P, ConsentScope.PublicAnonymised, title: "Verhaal " + WithdrawnMarker, text: $"{SearchWord} {WithdrawnMarker} over zorg.", withdrawn: true, tellerName: "Teller " + WithdrawnMarker);
        KeyStoryShortCode = StoryKeys.NewShort();
        RecordedStory = await f.WithDbAsync(async db =>
        {
            // A second story from the kitchen table: its short code opens it at /v/{code}.
            var story = new Story
            {
                ProjectId = P,
                Title = "Keukentafelverhaal",
                Text = "Over de buurt.",
                Html = "<p>Over de buurt.</p>",
                Scope = ConsentScope.Team,
                TellerName = "Keukentafel",
                TellerKeyHash = StoryKeys.Hash(KeyStoryShortCode),
                RecordedById = facilitator.Id,
                ConsentById = facilitator.Id,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                ConsentAt = DateTime.UtcNow,
                SearchTerms = " keukentafelverhaal ",
            };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        ShareToken = await f.ShareTokenAsync(P);

        // The thread in P: an insight backed by the stories, a question it leads to, a journey map with a step, a comment.
        Insight = await ThreadData.ItemAsync(f, P, ItemKind.Insight, "Matrixinzicht", $"{SearchWord} inzicht", authorId: member.Id);
        Question = await ThreadData.ItemAsync(f, P, ItemKind.Question, "Hoe kunnen we de matrix testen?", authorId: facilitator.Id);
        Journey = await ThreadData.ItemAsync(f, P, ItemKind.JourneyMap, "Matrixklantreis", authorId: member.Id);
        Link = await ThreadData.LinkAsync(f, Insight, Question, LinkType.LeadsTo, member.Id);
        await ThreadData.LinkAsync(f, TeamStory, Insight, LinkType.Supports, facilitator.Id);
        await ThreadData.LinkAsync(f, WithdrawnStory, Insight, LinkType.Supports, facilitator.Id);
        await ThreadData.LinkAsync(f, KeyStory.Id, Insight, LinkType.Supports, facilitator.Id);
        await ThreadData.LinkAsync(f, ProjectStory, Insight, LinkType.Supports, facilitator.Id);
        (JourneyStep, Comment, News, Partner) = await f.WithDbAsync(async db =>
        {
            var step = new JourneyStep { JourneyMapId = Journey, Position = 0, Name = "Aanmelden", WhatHappens = "Je meldt je aan.", Emotion = -1, PainPoints = "" };
            db.Add(step);
            var comment = new Comment { ItemId = Insight, ProjectId = P, AuthorId = member.Id, Text = "Een reactie", Html = "<p>Een reactie</p>", KnowledgeSource = Perspective.Experience, Phase = Phase.Define, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(comment);
            var news = new NewsItem { ProjectId = P, Title = "Matrixnieuws", BodyMarkdown = "Tekst", BodyHtml = "<p>Tekst</p>", PublishedAt = DateTime.UtcNow, AuthorId = facilitator.Id };
            db.NewsItems.Add(news);
            var partner = new Proeftuin.Features.Programmes.Partner { ProgrammeId = Programme, Name = "Matrixpartner", Logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], LogoContentType = "image/png" };
            db.Add(partner);
            await db.SaveChangesAsync();
            return (step.Id, comment.Id, news.Id, partner.Id);
        });
        InvitationToken = Tokens.New();
        ExportToken = Tokens.New();
        Export = await f.WithDbAsync(async db =>
        {
            var invitation = new Invitation { ProjectId = P, TokenHash = Tokens.Hash(InvitationToken), Role = ProjectRole.Member, CreatedById = facilitator.Id, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14) };
            db.Add(invitation);
            var export = new PersonalDataExport
            {
                UserId = member.Id,
                Status = ExportStatus.Done,
                RequestedAt = DateTime.UtcNow,
                FinishedAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddDays(7),
                TokenHash = Tokens.Hash(ExportToken),
                LinkBase = "http://localhost",
                Content = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            };
            db.Add(export);
            await db.SaveChangesAsync();
            InvitationId = invitation.Id;
            return export.Id;
        });

        // Members-only Q: a story for the project, an item, news and a session, each with the marker.
        QStory = await ThreadData.StoryAsync(f, Q, ConsentScope.PublicAnonymised, title: "Verhaal " + ClosedMarker, text: $"{SearchWord} {ClosedMarker}", tellerId: member.Id);
        QItem = await ThreadData.ItemAsync(f, Q, ItemKind.Insight, "Inzicht " + ClosedMarker, $"{SearchWord} {ClosedMarker}", authorId: member.Id);
        await SeedIdeasAsync(member.Id);
        QNews = await f.WithDbAsync(async db =>
        {
            var news = new NewsItem { ProjectId = Q, Title = "Nieuws " + ClosedMarker, BodyMarkdown = ClosedMarker, BodyHtml = "<p>" + ClosedMarker + "</p>", PublishedAt = DateTime.UtcNow, AuthorId = facilitator.Id };
            db.NewsItems.Add(news);
            await db.SaveChangesAsync();
            return news.Id;
        });
        QSession = await f.SessionAsync(Q, SessionState.Running, new StepSeed(StepMode.Write));
        // Prototypes (issue 12).
        (Prototype, Assumption, Attachment) = await SeedPrototypeAsync(P, "Matrixprototype", facilitator.Id);
        (QPrototype, QAssumption, QAttachment) = await SeedPrototypeAsync(Q, "Prototype " + ClosedMarker, facilitator.Id);

        // P's sessions, each with the guest (a cookie per session) and a post-it of theirs.
        Writing = await f.SessionAsync(P, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        Clustering = await f.SessionAsync(P, SessionState.Running, new StepSeed(StepMode.Cluster));
        Voting = await f.SessionAsync(P, SessionState.Running, new StepSeed(StepMode.Vote));
        Planned = await f.SessionAsync(P, SessionState.Planned, new StepSeed(StepMode.Write));
        Voted = await f.SessionAsync(P, SessionState.Running, new StepSeed(StepMode.Vote));
        await f.StepAsync(Voted.StepIds[0], s => s.VotingClosed = true);
        foreach (var session in new[] { Writing, Clustering, Voting, Planned, Voted })
        {
            var (participant, key) = await f.ParticipantAsync(session.Id, name: "Matrixgast");
            GuestKeys[session.Id] = key!;
            guestParticipants[session.Id] = participant;
        }
        await f.AskAsync(Writing.Id, Question);
        GuestNote = await f.NoteAsync(Writing.Id, Writing.StepIds[0], GuestParticipant(Writing.Id), "Post-it van de gast");
        ClusterA = await f.ClusterAsync(Clustering.Id, "Cluster A");
        ClusterB = await f.ClusterAsync(Clustering.Id, "Cluster B");
        ClusterNote = await f.NoteAsync(Clustering.Id, Clustering.StepIds[0], GuestParticipant(Clustering.Id), "Te clusteren", ClusterA);
        VoteNote = await f.NoteAsync(Voting.Id, Voting.StepIds[0], GuestParticipant(Voting.Id), "Om op te stemmen");
        // The first step of the writing session is also a closed vote elsewhere: the results are asked of the voting session's step once closed.
        await f.NoteAsync(QSession.Id, QSession.StepIds[0], (await f.ParticipantAsync(QSession.Id, UserIds[Role.Member], "Matrix Deelnemer")).Id, "Post-it " + ClosedMarker);

        var common = new Dictionary<string, string>
        {
            ["Programme"] = Str(Programme),
            ["Prompt"] = Str(Prompt),
            ["Comment"] = Str(Comment),
            ["Link"] = Str(Link),
            ["Journey"] = Str(Journey),
            ["JourneyStep"] = Str(JourneyStep),
            ["Partner"] = Str(Partner),
            ["Export"] = Str(Export),
            ["ExportToken"] = ExportToken,
            ["Invitation"] = InvitationToken,
            ["Share"] = ShareToken,
            ["ShortCode"] = KeyStoryShortCode,
            ["UnknownToken"] = Tokens.New(),
            ["Member"] = UserIds[Role.Member],
            ["InvitationId"] = Str(InvitationId),
            ["RecordedStory"] = Str(RecordedStory),
            ["PlannedStep"] = Str(Planned.StepIds[0]),
            ["Throwaway"] = (await data.UserAsync(displayName: "Matrix Weg te halen")).Id,
            ["Question"] = Str(Question),
            ["Note"] = Str(GuestNote),
            ["WritingStep"] = Str(Writing.StepIds[0]),
            ["Planned"] = Str(Planned.Id),
            ["Clustering"] = Str(Clustering.Id),
            ["Voting"] = Str(Voting.Id),
            ["Voted"] = Str(Voted.Id),
            ["VotedStep"] = Str(Voted.StepIds[0]),
            ["VoteNote"] = Str(VoteNote),
            ["ClusterB"] = Str(ClusterB),
            ["ClusterA"] = Str(ClusterA),
            ["ClusterNote"] = Str(ClusterNote),
            ["SearchWord"] = SearchWord,
        };
        ForP = new Targets(new Dictionary<string, string>(common)
        {
            ["P"] = Str(P),
            ["ObserverMembership"] = Str(await data.MembershipIdAsync(P, observer.Id)),
            ["SessionStep"] = Str(Writing.StepIds[0]),
            ["SessionVoteStep"] = Str(Writing.StepIds[1]),
            ["Story"] = Str(KeyStory.Id),
            ["Item"] = Str(Insight),
            ["Idea"] = Str(Idea),
            ["News"] = Str(News),
            ["Session"] = Str(Writing.Id),
            ["Participant"] = Str(GuestParticipant(Writing.Id)),
            ["JoinCode"] = Writing.JoinCode,
            ["Prototype"] = Str(Prototype),
            ["Assumption"] = Str(Assumption),
            ["Attachment"] = Str(Attachment),
        });
        ForQ = new Targets(new Dictionary<string, string>(common)
        {
            ["P"] = Str(Q),
            ["ObserverMembership"] = Str(await data.MembershipIdAsync(Q, observer.Id)),
            ["SessionStep"] = Str(QSession.StepIds[0]),
            ["Story"] = Str(QStory),
            ["Item"] = Str(QItem),
            ["Idea"] = Str(QIdea),
            ["News"] = Str(QNews),
            ["Session"] = Str(QSession.Id),
            ["JoinCode"] = QSession.JoinCode,
            ["Prototype"] = Str(QPrototype),
            ["Assumption"] = Str(QAssumption),
            ["Attachment"] = Str(QAttachment),
        });

        ForP = ForP.With([.. await ExperimentTargetsAsync(P, "Matrixproef")]);
        ForQ = ForQ.With([.. await ExperimentTargetsAsync(Q, "Proef " + ClosedMarker)]);
        await SeedGatesAsync();
        await SeedReviewAsync();
        // Feedback (issue 12): a form on each project's running proef.
        ForP = ForP.With([.. await FeedbackTargetsAsync(P, ForP.Values["Experiment"], "Matrixfeedback")]);
        ForQ = ForQ.With([.. await FeedbackTargetsAsync(Q, ForQ.Values["Experiment"], "Feedback van de dichte proef")]);
        // Learning agenda (issue 13): a question on each project's agenda, looked after by the member.
        ForP = ForP.With(("AgendaItem", Str(await Proeftuin.Tests.Learning.LearningData.QuestionAsync(f, P, "Matrixleervraag", member.Id, ownerId: member.Id))));
        ForQ = ForQ.With(("AgendaItem", Str(await Proeftuin.Tests.Learning.LearningData.QuestionAsync(f, Q, "Leervraag " + ClosedMarker, member.Id, ownerId: member.Id))));
        // Innovatiereis (issue 13): a kwestie on each project's journey.
        ForP = ForP.With(("JourneyEntry", Str(await ThreadData.ItemAsync(f, P, ItemKind.JourneyEntry, "Matrixkwestie", authorId: member.Id))));
        ForQ = ForQ.With(("JourneyEntry", Str(await ThreadData.ItemAsync(f, Q, ItemKind.JourneyEntry, "Kwestie " + ClosedMarker, ClosedMarker, authorId: member.Id))));
        // Lessons (issue 13): a team lesson in each project; outside the team it does not exist (ADR 0034).
        ForP = ForP.With(("Lesson", Str(await Proeftuin.Tests.Lessons.LessonData.LessonAsync(f, P, "Matrixles", Proeftuin.Features.Lessons.LessonVisibility.Team, authorId: member.Id))));
        ForQ = ForQ.With(("Lesson", Str(await Proeftuin.Tests.Lessons.LessonData.LessonAsync(f, Q, "Les " + ClosedMarker, Proeftuin.Features.Lessons.LessonVisibility.Team, text: ClosedMarker, authorId: member.Id))));
        // Reflections (issue 13): a planned reflection in each project, with the three default prompts.
        ForP = ForP.With(("Reflection", Str((await Proeftuin.Tests.Reflections.ReflectionData.ReflectionAsync(f, P, "Matrixreflectie", authorId: member.Id)).Id)));
        ForQ = ForQ.With(("Reflection", Str((await Proeftuin.Tests.Reflections.ReflectionData.ReflectionAsync(f, Q, "Reflectie " + ClosedMarker, authorId: member.Id)).Id)));
        #region Activities (issue 14): an upcoming activity with places in each project
        ForP = ForP.With(("Activity", Str(await Proeftuin.Tests.Activities.ActivityData.ActivityAsync(f, P, capacity: 50, title: "Matrixactiviteit"))));
        ForQ = ForQ.With(("Activity", Str(await Proeftuin.Tests.Activities.ActivityData.ActivityAsync(f, Q, capacity: 50, title: "Activiteit " + ClosedMarker))));
        #endregion
        // Werkvormen (issue 13): a project-only card in each project, written by its facilitator.
        ForP = ForP.With(("MethodCard", Str(await Proeftuin.Tests.MethodCards.MethodCardData.CardAsync(f, "Matrixwerkvorm", projectId: P, authorId: facilitator.Id))));
        ForQ = ForQ.With(("MethodCard", Str(await Proeftuin.Tests.MethodCards.MethodCardData.CardAsync(f, "Werkvorm " + ClosedMarker, projectId: Q, authorId: facilitator.Id))));
        // Initiatives (issue 14): an initiative in each project, started by the member.
        await SeedInitiativesAsync();
        // Vraag en aanbod (issue 14): an aanbod in each project, posted by the member.
        await SeedOffersAsync();

        // Everyone signs in once.
        foreach (var role in Enum.GetValues<Role>())
        {
            browsers[role] = role switch
            {
                Role.Anonymous or Role.KeyHolder => f.NewBrowser(),
                Role.Guest => GuestBrowser(),
                _ => await f.SignInAsync(Emails[role]),
            };
        }
        // Team members join a session by opening it, as they would.
        foreach (var role in new[] { Role.Observer, Role.Member, Role.Evaluator, Role.Facilitator })
            foreach (var session in new[] { Writing, Clustering, Voting, Voted })
                using (await browsers[role].GetAsync($"/sessies/{session.Id}")) { }
        Factory.Writes.Take();
    }

    // Fresh targets, for allowed probes that use up what they act on (delete, withdraw, close, accept …).

    public async Task<Targets> FreshProjectAsync()
    {
        var users = await Factory.WithDbAsync(db => db.Users.Where(u => UserIds.Values.Contains(u.Id)).ToListAsync());
        Proeftuin.Features.Accounts.AppUser User(Role r) => users.Single(u => u.Id == UserIds[r]);
        var id = await Factory.Data.ProjectAsync(null, Visibility.Open, Phase.Define, null,
            (User(Role.Facilitator), ProjectRole.Facilitator), (User(Role.Observer), ProjectRole.Observer), (User(Role.Member), ProjectRole.Member), (User(Role.Evaluator), ProjectRole.Evaluator));
        var invitation = await Factory.WithDbAsync(async db =>
        {
            var i = new Invitation { ProjectId = id, TokenHash = Tokens.Hash(Tokens.New()), Role = ProjectRole.Member, CreatedById = UserIds[Role.Facilitator], CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14) };
            db.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });
        var observer = await Factory.Data.MembershipIdAsync(id, UserIds[Role.Observer]);
        return ForP.With(("P", Str(id)), ("InvitationId", Str(invitation)), ("ObserverMembership", Str(observer)));
    }

    public async Task<Targets> FreshStoryAsync()
    {
        var story = await Factory.StoryAsync(P, ConsentScope.Team, recordedById: UserIds[Role.Facilitator], promptId: Prompt);
        return ForP.With(("Story", Str(story.Id)), ("StoryKey", story.Key));
    }

    public async Task<Targets> FreshItemAsync() =>
        ForP.With(("Item", Str(await ThreadData.ItemAsync(Factory, P, ItemKind.Insight, "Weg te halen inzicht", authorId: UserIds[Role.Member]))));

    public async Task<Targets> FreshNewsAsync() =>
        ForP.With(("News", Str(await Factory.WithDbAsync(async db =>
        {
            var news = new NewsItem { ProjectId = P, Title = "Weg te halen nieuws", BodyMarkdown = "Tekst", BodyHtml = "<p>Tekst</p>", PublishedAt = DateTime.UtcNow, AuthorId = UserIds[Role.Facilitator] };
            db.NewsItems.Add(news);
            await db.SaveChangesAsync();
            return news.Id;
        }))));

    public async Task<Targets> FreshCommentAsync() =>
        ForP.With(("Comment", Str(await Factory.WithDbAsync(async db =>
        {
            var comment = new Comment { ItemId = Insight, ProjectId = P, AuthorId = UserIds[Role.Member], Text = "Weg", Html = "<p>Weg</p>", KnowledgeSource = Perspective.Experience, Phase = Phase.Define, CreatedAt = DateTime.UtcNow };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        }))));

    public async Task<Targets> FreshLinkAsync()
    {
        var need = await ThreadData.ItemAsync(Factory, P, ItemKind.Need, "Weg te halen behoefte", authorId: UserIds[Role.Member]);
        return ForP.With(("Link", Str(await ThreadData.LinkAsync(Factory, need, Question, LinkType.Supports, UserIds[Role.Member]))));
    }

    public async Task<Targets> FreshNoteAsync() =>
        ForP.With(("Note", Str(await Factory.NoteAsync(Writing.Id, Writing.StepIds[0], GuestParticipant(Writing.Id), "Weg te halen post-it"))));

    public async Task<Targets> FreshClusterAsync() =>
        ForP.With(("ClusterA", Str(await Factory.ClusterAsync(Clustering.Id, "Samen te voegen"))));

    /// <summary>A session of P of its own: running (a write step, then a vote), or planned.</summary>
    public async Task<Targets> FreshSessionAsync(SessionState state = SessionState.Running)
    {
        var session = await Factory.SessionAsync(P, state, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        return ForP.With(("Session", Str(session.Id)), ("JoinCode", session.JoinCode), ("SessionStep", Str(session.StepIds[0])), ("SessionVoteStep", Str(session.StepIds[1])));
    }

    /// <summary>A session of P of its own with a guest in it, to be taken out by the facilitator.</summary>
    public async Task<Targets> FreshParticipantAsync()
    {
        var fresh = await FreshSessionAsync();
        var (participant, _) = await Factory.ParticipantAsync(I(fresh.Values["Session"]), name: "Weg te halen gast");
        return fresh.With(("Participant", Str(participant)));
    }

    private static int I(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    public async Task<Targets> FreshPlannedSessionAsync()
    {
        var fresh = await FreshSessionAsync(SessionState.Planned);
        return fresh.With(("Planned", fresh.Values["Session"]), ("PlannedStep", fresh.Values["SessionStep"]));
    }

    /// <summary>A journey map of its own with one step.</summary>
    /// <summary>A new planned reflection in P: gathering it in a live session works once.</summary>
    public async Task<Targets> FreshReflectionAsync() =>
        ForP.With(("Reflection", Str((await Proeftuin.Tests.Reflections.ReflectionData.ReflectionAsync(Factory, P, "Nieuwe matrixreflectie")).Id)));

    public async Task<Targets> FreshJourneyAsync()
    {
        var journey = await ThreadData.ItemAsync(Factory, P, ItemKind.JourneyMap, "Weg te halen klantreis", authorId: UserIds[Role.Member]);
        var step = await Factory.WithDbAsync(async db =>
        {
            var s = new JourneyStep { JourneyMapId = journey, Position = 0, Name = "Stap", WhatHappens = "Iets.", Emotion = 0, PainPoints = "" };
            db.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        return ForP.With(("Journey", Str(journey)), ("JourneyStep", Str(step)));
    }

    /// <summary>An invitation to a project of its own, so accepting it changes nobody's place in P.</summary>
    public async Task<Targets> FreshInvitationAsync()
    {
        var project = await Factory.Data.ProjectAsync();
        var token = Tokens.New();
        await Factory.WithDbAsync(async db =>
        {
            db.Add(new Invitation { ProjectId = project, TokenHash = Tokens.Hash(token), Role = ProjectRole.Member, CreatedById = UserIds[Role.Facilitator], CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(14) });
            return await db.SaveChangesAsync();
        });
        return ForP.With(("Invitation", token));
    }

    #region Ideas (issue 12): an idea in P and one in Q (with the members-only marker), and a fresh idea everyone supports

    public int Idea { get; private set; }
    public int QIdea { get; private set; }

    private async Task SeedIdeasAsync(string authorId)
    {
        Idea = await ThreadData.ItemAsync(Factory, P, ItemKind.Idea, "Matrixidee", $"{SearchWord} idee", authorId: authorId);
        QIdea = await ThreadData.ItemAsync(Factory, Q, ItemKind.Idea, "Idee " + ClosedMarker, $"{SearchWord} {ClosedMarker}", authorId: authorId);
    }

    /// <summary>An idea of its own that every signed-in role supports, so each can withdraw their support once.</summary>
    public async Task<Targets> FreshSupportedIdeaAsync()
    {
        var idea = await ThreadData.ItemAsync(Factory, P, ItemKind.Idea, "Gesteund matrixidee", authorId: UserIds[Role.Member]);
        foreach (var userId in UserIds.Values.Distinct())
            await Ideas.IdeaData.SupportAsync(Factory, idea, userId, Perspective.Experience);
        return ForP.With(("Idea", Str(idea)));
    }

    #endregion

    #region Experiments (issue 12, helper X): proeven in every state a row needs

    /// <summary>A running proef (Experiment), one being prepared, an ended one without results and an ended one with all results (Decidable).</summary>
    private async Task<(string Name, string Value)[]> ExperimentTargetsAsync(int project, string title)
    {
        var running = await ExperimentData.ExperimentAsync(Factory, project, ExperimentStatus.Running, title: title);
        var preparing = await ExperimentData.ExperimentAsync(Factory, project, ExperimentStatus.Preparing, title: title);
        var ended = await ExperimentData.ExperimentAsync(Factory, project, ExperimentStatus.Ended, title: title);
        var decidable = await ExperimentData.ExperimentAsync(Factory, project, ExperimentStatus.Ended, title: title);
        await ExperimentData.ResultsAsync(Factory, decidable.Id);
        return [("Experiment", Str(running.Id)), ("Preparing", Str(preparing.Id)), ("Ended", Str(ended.Id)), ("Decidable", Str(decidable.Id))];
    }

    public async Task<Targets> FreshPreparingExperimentAsync() =>
        ForP.With(("Preparing", Str((await ExperimentData.ExperimentAsync(Factory, P, ExperimentStatus.Preparing, title: "Te starten proef")).Id)));

    public async Task<Targets> FreshRunningExperimentAsync() =>
        ForP.With(("Experiment", Str((await ExperimentData.ExperimentAsync(Factory, P, ExperimentStatus.Running, title: "Af te ronden proef")).Id)));

    #endregion

    #region Gates (issue 12): an open advice request in P and in Q, asking the matrix evaluator

    private async Task SeedGatesAsync()
    {
        var p = await Gates.GateData.RequestAsync(Factory, P, [UserIds[Role.Evaluator]]);
        var q = await Gates.GateData.RequestAsync(Factory, Q, [UserIds[Role.Evaluator]], question: "Adviesvraag " + ClosedMarker);
        ForP = ForP.With(("AdviceRequest", Str(p)));
        ForQ = ForQ.With(("AdviceRequest", Str(q)));
    }

    #endregion

    #region Review board (issue 13): open review advice by the matrix evaluator in P and in Q

    private async Task SeedReviewAsync()
    {
        ForP = ForP.With(("ReviewAdvice", Str(await Review.ReviewData.AdviceAsync(Factory, P, UserIds[Role.Evaluator], "Matrixadvies"))));
        ForQ = ForQ.With(("ReviewAdvice", Str(await Review.ReviewData.AdviceAsync(Factory, Q, UserIds[Role.Evaluator], "Advies " + ClosedMarker))));
    }

    /// <summary>Advice of the matrix evaluator in P, for a probe that withdraws it.</summary>
    public async Task<Targets> FreshReviewAdviceAsync() =>
        ForP.With(("ReviewAdvice", Str(await Review.ReviewData.AdviceAsync(Factory, P, UserIds[Role.Evaluator], "In te trekken advies"))));

    #endregion

    #region Initiatives (issue 14): an initiative in P and one in Q (with the members-only marker), both started by the matrix member

    private async Task SeedInitiativesAsync()
    {
        ForP = ForP.With(("Initiative", Str(await Initiatives.InitiativeData.InitiativeAsync(Factory, Programme, P, UserIds[Role.Member], "Matrixinitiatief"))));
        ForQ = ForQ.With(("Initiative", Str(await Initiatives.InitiativeData.InitiativeAsync(Factory, Programme, Q, UserIds[Role.Member], "Initiatief " + ClosedMarker, what: ClosedMarker))));
    }

    #endregion

    #region Vraag en aanbod (issue 14): an aanbod in P and one in Q (with the members-only marker), both the matrix member's

    private async Task SeedOffersAsync()
    {
        ForP = ForP.With(("Offer", Str(await Offers.OfferData.OfferAsync(Factory, Programme, UserIds[Role.Member], title: "Matrixaanbod", projectId: P))));
        ForQ = ForQ.With(("Offer", Str(await Offers.OfferData.OfferAsync(Factory, Programme, UserIds[Role.Member], title: "Aanbod " + ClosedMarker, projectId: Q, text: ClosedMarker))));
    }

    /// <summary>An open aanbod of the matrix member in P, for a probe that closes or opens it.</summary>
    public async Task<Targets> FreshOfferAsync() =>
        ForP.With(("Offer", Str(await Offers.OfferData.OfferAsync(Factory, Programme, UserIds[Role.Member], title: "Te sluiten aanbod", projectId: P))));

    #endregion

    #region Feedback (issue 12): a form with a response and an observation to link it to, in P and in Q

    /// <summary>The form's title and questions never carry the members-only marker: anyone with its link may read them.</summary>
    private async Task<(string Name, string Value)[]> FeedbackTargetsAsync(int project, string experiment, string title)
    {
        var experimentId = int.Parse(experiment, System.Globalization.CultureInfo.InvariantCulture);
        var form = await Proeftuin.Tests.Feedback.FeedbackData.FormAsync(Factory, project, experimentId, title: title, createdById: UserIds[Role.Member]);
        await Proeftuin.Tests.Feedback.FeedbackData.ResponseAsync(Factory, form);
        await Proeftuin.Tests.Feedback.FeedbackData.ObservationAsync(Factory, project, experimentId);
        return [("FeedbackForm", Str(form.Id)), ("FeedbackToken", form.Token)];
    }

    public async Task<Targets> FreshFeedbackFormAsync(bool open) =>
        ForP.With(("FeedbackForm", Str((await Proeftuin.Tests.Feedback.FeedbackData.FormAsync(Factory, P, int.Parse(ForP.Values["Experiment"], System.Globalization.CultureInfo.InvariantCulture),
            title: open ? "Te sluiten formulier" : "Te openen formulier", open: open)).Id)));

    #endregion

    public static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Browser GuestBrowser()
    {
        var browser = Factory.NewBrowser();
        foreach (var (session, key) in GuestKeys)
            browser.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie(Caller.GuestCookie(session), key, "/"));
        return browser;
    }

    /// <summary>A second browser with the same cookies: the same person, for a probe that would sign them out.</summary>
    public Browser Twin(Role role)
    {
        var twin = Factory.NewBrowser();
        foreach (System.Net.Cookie cookie in browsers[role].Cookies.GetAllCookies())
            twin.Cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return twin;
    }

    /// <summary>A valid antiforgery token for this role's identity, fetched once.</summary>
    public async Task<string> TokenAsync(Role role)
    {
        if (!tokens.TryGetValue(role, out var token))
            tokens[role] = token = await browsers[role].AntiforgeryTokenAsync();
        return token;
    }

    /// <summary>A hub connection with this role's cookies, opened once; its calls are watched for writes like a request.</summary>
    public async Task<LiveClient> HubAsync(Role role)
    {
        if (hubs.TryGetValue(role, out var live)) return live;
        var server = Factory.Server;
        var browser = browsers[role];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, SessionHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                var cookie = browser.Cookies.GetCookieHeader(new Uri("http://localhost"));
                if (cookie.Length > 0) o.Headers["Cookie"] = cookie;
                o.Headers[WriteWatch.Header] = role.ToString();
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        live = new LiveClient(connection);
        await connection.StartAsync();
        hubs[role] = live;
        return live;
    }

    public async Task DisposeAsync()
    {
        foreach (var live in hubs.Values) await live.DisposeAsync();
        foreach (var browser in browsers.Values) browser.Dispose();
        await Factory.DisposeAsync();
    }
}

/// <summary>What one probe got back, as a short code for the table.</summary>
public static class Outcomes
{
    /// <summary>ok: 2xx or a redirect elsewhere · 400: refused as bad input (400, 409, 415, 422) · in: sent to sign in · 401, 403, 404 · 405, 429, 500: never expected.</summary>
    public static string Of(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Replace("http://localhost", "", StringComparison.Ordinal).StartsWith("/inloggen?ReturnUrl=", StringComparison.OrdinalIgnoreCase) ? "in" : "ok";
        }
        return status switch
        {
            >= 200 and < 300 => "ok",
            400 or 409 or 415 or 422 => "400",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static readonly HashSet<string> Denials = ["in", "401", "403", "404"];

    /// <summary>A hub method's answer: a reply with ok, a refusal (not found / not allowed / bad input), null, or an exception.</summary>
    public static string OfHub(JsonElement? answer, Exception? error)
    {
        if (error is not null)
            return error is HubException && error.Message.Contains("doet er niet aan mee", StringComparison.Ordinal) ? "404" : "500";
        if (answer is not { ValueKind: not JsonValueKind.Null } value) return "404";
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("ok", out var ok))
        {
            if (ok.GetBoolean()) return "ok";
            var message = value.GetProperty("error").GetString() ?? "";
            if (message.StartsWith("Dit bestaat niet (meer)", StringComparison.Ordinal)) return "404";
            if (message.StartsWith("Dit mag je nu niet doen", StringComparison.Ordinal)) return "403";
            return "400";
        }
        return "ok";
    }
}

/// <summary>Route values by name, e.g. "P" (the project), "Story", "Item", "Session".</summary>
public sealed class Targets(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public Targets With(params (string Name, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(Values);
        foreach (var (name, value) in changes) copy[name] = value;
        return new Targets(copy);
    }
}

public enum RowKind
{
    Page,
    Api,
    Hub,
    Other,
}

/// <summary>
/// One line of the matrix: the route as the app has it ("GET /projecten/{id:int}", "POST /x?handler=Name",
/// "HUB SessionHub.AddNote"), then one code per role in <see cref="Role"/> order (see <see cref="Outcomes"/>).
/// A row may name the path to ask (<c>path</c>, with {Name} for route values), extra query text,
/// form fields or JSON to send, and a fresh target for allowed probes that would use up the shared one.
/// </summary>
public sealed record Row
{
    public Row(string line, string? query = null, string? body = null, string? path = null,
        Func<MatrixWorld, Task<Targets>>? fresh = null, Func<IReadOnlyDictionary<string, string>, object?[]>? args = null, bool twin = false)
    {
        var bar = line.IndexOf('|', StringComparison.Ordinal);
        var route = line[..bar].Trim();
        var codes = line[(bar + 1)..];
        Key = route;
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        Method = route[..space];
        var rest = route[(space + 1)..];
        var handlerAt = rest.IndexOf("?handler=", StringComparison.Ordinal);
        Template = handlerAt < 0 ? rest : rest[..handlerAt];
        Handler = handlerAt < 0 ? null : rest[(handlerAt + "?handler=".Length)..];
        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Codes.Length != Enum.GetValues<Role>().Length)
            throw new ArgumentException($"{route}: {Codes.Length} codes, one per role expected");
        Kind = Method == "HUB" ? (Template.StartsWith('/') ? RowKind.Other : RowKind.Hub)
            : Template.StartsWith("/api/", StringComparison.Ordinal) ? RowKind.Api
            : route == RouteInventory.StaticAssets || Template is "/health" or "/health/ready" || Template.StartsWith("/openapi", StringComparison.Ordinal) || Template.StartsWith("/partners", StringComparison.Ordinal) || Template.StartsWith("/{**", StringComparison.Ordinal) ? RowKind.Other
            : RowKind.Page;
        Query = query;
        Body = body;
        Path = path;
        Fresh = fresh;
        HubArgs = args;
        Twin = twin;
    }

    public string Key { get; }
    public string Method { get; }
    public string Template { get; }
    public string? Handler { get; }
    public string[] Codes { get; }
    public RowKind Kind { get; }
    public string? Query { get; }
    public string? Body { get; }
    public string? Path { get; }
    public Func<MatrixWorld, Task<Targets>>? Fresh { get; }
    public Func<IReadOnlyDictionary<string, string>, object?[]>? HubArgs { get; }
    /// <summary>Ask with a copy of the role's cookies (for signing out: the role stays signed in for the other rows).</summary>
    public bool Twin { get; }
    public string Variant => Query is null ? "" : $" [{Query}]";

    private static readonly Regex Parameter = new(@"\{(?<name>[A-Za-z]+)(:[a-z]+)?\??\}", RegexOptions.CultureInvariant);

    /// <summary>The URL to ask: route values by the segment before them (projecten/{id} is the project, verhalen/{id} the story …).</summary>
    public string UrlFor(IReadOnlyDictionary<string, string> values, Role role, MatrixWorld world)
    {
        string path;
        if (Path is not null) path = Fill(Path, values);
        else if (Key == RouteInventory.StaticAssets) path = "/css/proeftuin.css";
        else if (Template.StartsWith("/{**", StringComparison.Ordinal)) path = "/js/proeftuin.js";
        else if (Kind == RowKind.Other && Method == "HUB")
            path = Template.EndsWith("/negotiate", StringComparison.Ordinal) ? Template + "?negotiateVersion=1" : Template + "/negotiate?negotiateVersion=1";
        else
        {
            var segments = Template.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var match = Parameter.Match(segments[i]);
                if (!match.Success) continue;
                var before = i > 0 ? segments[i - 1] : "";
                var name = match.Groups["name"].Value;
                var value = (before, name) switch
                {
                    ("projecten" or "projects", _) => values["P"],
                    ("programmas" or "programmes", _) => values["Programme"],
                    ("verhalen" or "stories", _) => values["Story"],
                    ("draad" or "items", _) => values["Item"],
                    ("ideeen" or "ideas", _) => values["Idea"],
                    ("nieuws", _) => values["News"],
                    ("reacties", _) => values["Comment"],
                    ("verbanden", _) => values["Link"],
                    ("sessies" or "sessions", _) => values["Session"],
                    ("post-its", _) => values["Note"],
                    ("partners", _) => values["Partner"],
                    ("prototypes", _) => values["Prototype"],
                    ("leeragenda", _) => values["AgendaItem"],
                    ("innovatiereis", _) => values["JourneyEntry"],
                    ("lessen" or "lessons", _) => values["Lesson"],
                    ("reflecties", _) => values["Reflection"],
                    ("activiteiten" or "activities", _) => values["Activity"], // Activities (issue 14)
                    ("vraag-en-aanbod", _) => values["Offer"], // Vraag en aanbod (issue 14)
                    ("werkvormen", "slug") => "stil-schrijven",
                    ("werkvormen", _) => values["MethodCard"],
                    ("aannames", _) => values["Assumption"],
                    ("bijlagen", _) => values["Attachment"],
                    ("gegevens", _) => values["Export"],
                    ("uitnodiging", _) => values["Invitation"],
                    ("delen", _) => values["Share"],
                    ("link", _) => values["UnknownToken"],
                    ("doe-mee", _) => values["JoinCode"],
                    ("v", _) => values["ShortCode"],
                    ("fout", _) => "404",
                    ("openapi", _) => "v1",
                    _ => throw new InvalidOperationException($"{Key}: no value for {{{name}}} after '{before}'; give the row a path"),
                };
                segments[i] = Parameter.Replace(segments[i], value);
            }
            path = string.Join('/', segments);
        }
        var query = new List<string>();
        if (Handler is not null) query.Add("handler=" + Handler);
        if (Query is not null) query.Add(Fill(Query, values));
        if (role == Role.KeyHolder)
            query.Add((Kind == RowKind.Api ? Caller.StoryKeyApiParameter : Caller.StoryKeyPageParameter) + "=" + values.GetValueOrDefault("StoryKey", world.KeyStory.Key));
        if (query.Count == 0) return path;
        return path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query);
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Regex.Replace(text, @"\{([A-Za-z]+)\}", m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
}
