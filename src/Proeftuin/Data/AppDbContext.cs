using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.News;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;

namespace Proeftuin.Data;

/// <summary>The unit of work. One subclass per provider, so each keeps its own migrations set.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<PhaseTransition> PhaseTransitions => Set<PhaseTransition>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<NewsItem> NewsItems => Set<NewsItem>();
    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();
    public DbSet<PasswordFailure> PasswordFailures => Set<PasswordFailure>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ThreadItem> Items => Set<ThreadItem>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StoryPrompt> StoryPrompts => Set<StoryPrompt>();
    public DbSet<StoryConsentChange> StoryConsentChanges => Set<StoryConsentChange>();
    public DbSet<JourneyStep> JourneySteps => Set<JourneyStep>();
    public DbSet<Link> Links => Set<Link>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SignificationFramework> SignificationFrameworks => Set<SignificationFramework>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<LiveSession> Sessions => Set<LiveSession>();
    public DbSet<SessionQuestion> SessionQuestions => Set<SessionQuestion>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<PerspectiveChange> PerspectiveChanges => Set<PerspectiveChange>();
    public DbSet<Features.Audit.AuditEvent> AuditEvents => Set<Features.Audit.AuditEvent>();
    public DbSet<Web.RequestKey> RequestKeys => Set<Web.RequestKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature keeps its model in its own IEntityTypeConfiguration classes beside its entities;
        // a new module's tables arrive with its folder.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // Every thread kind is stored in Items under its own number; its descriptor names the class (ADR 0017), so a
        // kind from its own folder needs no line here. Set last: configuring the discriminator resets earlier values.
        var kinds = builder.Entity<ThreadItem>().HasDiscriminator(i => i.Kind);
        foreach (var kind in ThreadKinds.All) kinds.HasValue(kind.EntityType, kind.Kind);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC: Npgsql demands it, and SQLite would otherwise hand back Kind=Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Full-text search (ADR 0024): a GIN index over the stored stems. SQLite's FTS5 table and its triggers are
        // created in its own migration (I11Bench), since EF cannot model a virtual table.
        builder.Entity<ThreadItem>().HasIndex(i => i.SearchTerms).HasMethod("GIN").IsTsVectorExpressionIndex(SearchIndex.PostgresConfig);
    }
}
