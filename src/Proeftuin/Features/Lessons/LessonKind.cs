using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Lessons;

/// <summary>The lesson as a thread kind (ADR 0017), registered from its own folder.</summary>
public static class LessonKind
{
    public static readonly BalanceRow Row = new("Lessons", "Lessen", 100);

    public static readonly ThreadKind Descriptor = new(ItemKind.Lesson, typeof(Lesson), "Les", "Lessen", "les", "Lesson",
        BalanceRule.In(Row), LinkRule.Any)
    {
        // Its own pages (/lessen/{id}) check who may read a team lesson; /draad/{id} redirects there.
        PagePath = "/lessen",
        Phase = Phase.Test,
    };

    // Registered when the assembly loads (see PrototypeKind): tests and tools ask the registry without a host.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => ThreadKinds.Register(Descriptor);
#pragma warning restore CA2255
}
