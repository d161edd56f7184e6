using System.Runtime.CompilerServices;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Journey;

/// <summary>The journey entry as a thread kind (ADR 0017), registered from this folder.</summary>
public static class JourneyKind
{
    public static readonly ThreadKind Descriptor = new(ItemKind.JourneyEntry, typeof(JourneyEntry), "Reisnotitie", "Reisnotities", "reisnotitie", "JourneyEntry",
        BalanceRule.NotCounted("De innovatiereis vertelt hoe het project liep; wat het team leerde, telt waar het vandaan komt."), LinkRule.Any)
    {
        // Made and shown on the journey's own pages (/innovatiereis/{id}); /draad/{id} redirects there.
        PagePath = "/innovatiereis",
        // Kwesties and leermomenten come with trying things out; the dashboard shows them with Testen.
        Phase = Phase.Test,
    };

    // Registered when the assembly loads (see PrototypeKind): tests and tools ask the registry without a host.
#pragma warning disable CA2255
    [ModuleInitializer]
    internal static void Register() => ThreadKinds.Register(Descriptor);
#pragma warning restore CA2255
}
