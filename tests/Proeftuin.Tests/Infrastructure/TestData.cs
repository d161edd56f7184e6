using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Accounts;
using Proeftuin.Web;

namespace Proeftuin.Tests.Infrastructure;

/// <summary>Test data straight into the app's database, so each test owns what it changes.</summary>
public sealed class TestData(ProeftuinFactory factory)
{
    public const string Password = "test-wachtwoord-123";
    public const string SocialInnovation = "Sociale innovatie";
    public const string Loneliness = "Samen tegen eenzaamheid in de wijk";
    public const string Poverty = "Armoede en schulden";
    public const string Work = "Van uitkering naar werk";
    public const string EHealth = "Proeftuin e-health in de eerstelijnszorg";
    public const string Buurtkamer = "Buurtkamer als ontmoetingsplek";

    public static string UniqueEmail(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}@example.nl";

    public static string Long(int length = 10_000) => new('x', length);

    public const string Script = "<script>alert('xss')</script>";

    public async Task<AppUser> UserAsync(string? email = null, Perspective perspective = Perspective.Professional, string? displayName = null, bool admin = false)
    {
        email ??= UniqueEmail();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? "Test " + email[..8],
            DefaultPerspective = perspective,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        if (admin) Assert.True((await users.AddToRoleAsync(user, Caller.AdminRole)).Succeeded);
        return user;
    }

    public Task<int> ProgrammeIdAsync(string title = SocialInnovation) =>
        factory.WithDbAsync(db => db.Programmes.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    public Task<int> ProjectIdAsync(string title) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    public Task<string> UserIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A new project in "Sociale innovatie" with the given members (user id, role, perspective).</summary>
    public async Task<int> ProjectAsync(string? title = null, Visibility visibility = Visibility.Open, Phase phase = Phase.Empathize,
        int? parentId = null, params (AppUser User, ProjectRole Role)[] members)
    {
        var programmeId = await ProgrammeIdAsync();
        return await factory.WithDbAsync(async db =>
        {
            var project = new Project
            {
                ProgrammeId = programmeId,
                ParentProjectId = parentId,
                Title = title ?? "Testproject " + Guid.NewGuid().ToString("N")[..8],
                CentralQuestion = "Hoe kunnen we dit testen?",
                Description = "Een project voor een test.",
                Phase = phase,
                Domains = Domains.Care,
                Visibility = visibility,
                Status = ProjectStatus.Active,
                CreatedAt = DateTime.UtcNow,
            };
            foreach (var (user, role) in members)
                project.Members.Add(new Membership { UserId = user.Id, Role = role, Perspective = user.DefaultPerspective, JoinedAt = DateTime.UtcNow });
            project.PhaseHistory.Add(new PhaseTransition { FromPhase = null, ToPhase = phase, Reason = "Project gestart", ByUserId = members.FirstOrDefault().User?.Id, At = DateTime.UtcNow });
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
    }

    public Task<int> MembershipIdAsync(int projectId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.Where(m => m.ProjectId == projectId && m.UserId == userId).Select(m => m.Id).SingleAsync());

    public Task<Membership?> MembershipAsync(int projectId, string userId) =>
        factory.WithDbAsync(db => db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId));

    public Task<Project> ProjectRowAsync(int projectId) =>
        factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Themes).SingleAsync(p => p.Id == projectId));

    /// <summary>A project with a facilitator, member and observer, each a fresh signed-in-able user.</summary>
    public async Task<TeamProject> TeamProjectAsync(Visibility visibility = Visibility.Open, Phase phase = Phase.Empathize)
    {
        var facilitator = await UserAsync(perspective: Perspective.Professional, displayName: "Procesbegeleider " + Guid.NewGuid().ToString("N")[..6]);
        var member = await UserAsync(perspective: Perspective.Experience, displayName: "Deelnemer " + Guid.NewGuid().ToString("N")[..6]);
        var observer = await UserAsync(perspective: Perspective.Scientific, displayName: "Toeschouwer " + Guid.NewGuid().ToString("N")[..6]);
        var id = await ProjectAsync(visibility: visibility, phase: phase, members: [(facilitator, ProjectRole.Facilitator), (member, ProjectRole.Member), (observer, ProjectRole.Observer)]);
        return new TeamProject(id, facilitator, member, observer);
    }
}

public sealed record TeamProject(int Id, AppUser Facilitator, AppUser Member, AppUser Observer);
