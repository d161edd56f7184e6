using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Ideas;
using Proeftuin.Features.Privacy;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Ideas;

/// <summary>Supports and status changes name people: exported to them, and on erasure left without a person.</summary>
public sealed class IdeaPersonalDataTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Supports_and_status_changes_are_exported_and_on_erasure_keep_counting_without_a_person()
    {
        var team = await factory.Data.TeamProjectAsync();
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Idee van een ander");
        await factory.SupportAsync(idea, team.Facilitator.Id, Perspective.Professional);
        await factory.SupportAsync(idea, team.Member.Id, Perspective.Experience);
        using (var lead = await factory.SignInAsync(team.Facilitator.Email!))
        using (var r = await lead.PostAsync($"/ideeen/{idea}?handler=Status", new { StatusInput_Status = "Parked", StatusInput_Reason = "Te duur voor nu." }))
            Expect.Redirect(r, $"/ideeen/{idea}#status");
        var person = new PersonRef(team.Facilitator.Id, team.Facilitator.Email, team.Facilitator.DisplayName);

        PersonalDataSection section = null!;
        await factory.WithScopeAsync(async sp => section = await sp.GetServices<IPersonalDataContributor>().OfType<IdeasPersonalData>().Single().ExportAsync(person, default));
        Assert.Equal(["Steun voor een idee", "Status van een idee gewijzigd"], section.Rows.Select(r => (string)r["Soort"]!).ToList());
        Assert.Equal(("Geparkeerd", "Te duur voor nu."), ((string)section.Rows[1]["Naar"]!, (string)section.Rows[1]["Reden"]!));
        // Someone else's idea is named by number only.
        Assert.DoesNotContain(section.Rows.SelectMany(r => r.Values), v => v is string s && s.Contains("Idee van een ander", StringComparison.Ordinal));

        await factory.WithScopeAsync(async sp => await sp.GetServices<IPersonalDataContributor>().OfType<IdeasPersonalData>().Single().EraseAsync(person, ErasureChoices.WithdrawAll, default));
        var supports = await factory.SupportsAsync(idea);
        Assert.Equal([(null, Perspective.Professional), (team.Member.Id, Perspective.Experience)], supports.Select(s => (s.UserId, s.Perspective)).ToList());
        var change = Assert.Single(await factory.HistoryAsync(idea));
        Assert.Equal((null, "Te duur voor nu."), (change.ByUserId, change.Reason));
        // The support still counts, without a name.
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/ideeen/{idea}");
        Assert.Contains("2 mensen steunen dit idee.", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(team.Facilitator.DisplayName, page.MainText, StringComparison.Ordinal);
    }
}
