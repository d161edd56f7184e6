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
using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

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
    public DbSet<Features.Audit.AuditEvent> AuditEvents => Set<Features.Audit.AuditEvent>();
    public DbSet<Features.Privacy.PersonalDataExport> PersonalDataExports => Set<Features.Privacy.PersonalDataExport>();
    public DbSet<Features.Privacy.AccountErasureRequest> AccountErasureRequests => Set<Features.Privacy.AccountErasureRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration<Programme>(new ProgrammeConfiguration());
        builder.ApplyConfiguration<Partner>(new ProgrammeConfiguration());
        builder.ApplyConfiguration<Project>(new ProjectConfiguration());
        builder.ApplyConfiguration<Theme>(new ProjectConfiguration());
        builder.ApplyConfiguration<PhaseTransition>(new ProjectConfiguration());
        builder.ApplyConfiguration<Membership>(new MembershipConfiguration());
        builder.ApplyConfiguration<Invitation>(new MembershipConfiguration());
        builder.ApplyConfiguration<NewsItem>(new NewsItemConfiguration());
        builder.ApplyConfiguration<AppUser>(new AccountConfiguration());
        builder.ApplyConfiguration<SignInLink>(new AccountConfiguration());
        builder.ApplyConfiguration<PasswordFailure>(new AccountConfiguration());
        var thread = new ThreadConfiguration();
        builder.ApplyConfiguration<ThreadItem>(thread);
        builder.ApplyConfiguration<Persona>(thread);
        builder.ApplyConfiguration<Source>(thread);
        builder.ApplyConfiguration<JourneyMap>(thread);
        builder.ApplyConfiguration<JourneyStep>(thread);
        builder.ApplyConfiguration<Link>(thread);
        builder.ApplyConfiguration<Comment>(thread);
        builder.ApplyConfiguration<Story>(new StoryConfiguration());
        builder.ApplyConfiguration<StoryPrompt>(new StoryConfiguration());
        builder.ApplyConfiguration<StoryConsentChange>(new StoryConfiguration());
        builder.ApplyConfiguration(new SignificationConfiguration());
        builder.ApplyConfiguration(new NotificationConfiguration());
        var sessions = new SessionConfiguration();
        builder.ApplyConfiguration<LiveSession>(sessions);
        builder.ApplyConfiguration<SessionQuestion>(sessions);
        builder.ApplyConfiguration<Step>(sessions);
        builder.ApplyConfiguration<Participant>(sessions);
        builder.ApplyConfiguration<Note>(sessions);
        builder.ApplyConfiguration<Cluster>(sessions);
        builder.ApplyConfiguration<Vote>(sessions);
        builder.ApplyConfiguration<Idea>(thread);
        builder.ApplyConfiguration(new Features.Audit.AuditEventConfiguration());
        // Personal data (issue 10): export requests and erasure confirmations.
        builder.ApplyConfiguration<Features.Privacy.PersonalDataExport>(new Features.Privacy.PrivacyConfiguration()); builder.ApplyConfiguration<Features.Privacy.AccountErasureRequest>(new Features.Privacy.PrivacyConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC: Npgsql demands it, and SQLite would otherwise hand back Kind=Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
