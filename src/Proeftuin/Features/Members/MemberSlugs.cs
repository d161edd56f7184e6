using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>The API names of perspectives (kennisbronnen) and project roles (ADR 0017): written out, never derived.</summary>
public static class MemberSlugs
{
    public static readonly ApiSlugs<Perspective> Perspective = new(new Dictionary<Perspective, string>
    {
        [Members.Perspective.Experience] = "Experience",
        [Members.Perspective.Professional] = "Professional",
        [Members.Perspective.Scientific] = "Scientific",
    });

    public static readonly ApiSlugs<ProjectRole> Role = new(new Dictionary<ProjectRole, string>
    {
        [ProjectRole.Observer] = "Observer",
        [ProjectRole.Member] = "Member",
        [ProjectRole.Evaluator] = "Evaluator",
        [ProjectRole.Facilitator] = "Facilitator",
    });
}
