using System.Text.Json;
using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Prototypes;

/// <summary>GET /api/v1/prototypes/{id}: the same use case and rules as the page, English names.</summary>
public sealed class PrototypeApiTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task The_api_sends_fields_assumptions_attachments_and_ideas_with_fixed_names()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken titel", withdrawn: true);
        var teamOnly = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Alleen voor het team");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie");
        await factory.LinkAsync(withdrawn, idea, LinkType.Supports);
        await factory.LinkAsync(teamOnly, idea, LinkType.Supports);
        var id = await factory.PrototypeAsync(team.Id, "Zondagkoffie als rollenspel", team.Facilitator.Id, idea);
        var attachment = await factory.WithDbAsync(async db =>
        {
            db.Add(new Assumption { PrototypeId = id, Text = "Mensen komen", Risk = AssumptionRisk.High, Certainty = AssumptionCertainty.Unsure, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            var a = new PrototypeAttachment { PrototypeId = id, FileName = "schets.png", ContentType = "image/png", Content = PrototypeData.Png(), Size = 64, Width = 640, Height = 480, AltText = "Schets", UploadedAt = DateTime.UtcNow };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        using var anonymous = factory.NewBrowser();
        var json = await anonymous.GetJsonAsync($"/api/v1/prototypes/{id}");
        Assert.Equal(id, json.GetProperty("id").GetInt32());
        Assert.Equal("rolePlay", json.GetProperty("form").GetString());
        Assert.Equal("Bewoners van de wijk", json.GetProperty("forWhom").GetString());
        Assert.Equal([idea], json.GetProperty("ideaIds").EnumerateArray().Select(e => e.GetInt32()));
        var assumption = json.GetProperty("assumptions")[0];
        Assert.Equal("high", assumption.GetProperty("risk").GetString());
        Assert.Equal("unsure", assumption.GetProperty("certainty").GetString());
        Assert.True(assumption.GetProperty("testFirst").GetBoolean());
        var file = json.GetProperty("attachments")[0];
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        Assert.Equal(640, file.GetProperty("width").GetInt32());
        Assert.EndsWith($"/bijlagen/{attachment}", file.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.False(file.TryGetProperty("content", out _));
        // Why: the idea, the withdrawn story without anything of it; the team-only story not at all for an outsider.
        var why = json.GetProperty("why").EnumerateArray().ToList();
        Assert.Contains(why, w => w.GetProperty("kind").GetString() == "Idea" && w.GetProperty("id").GetInt32() == idea);
        Assert.Contains(why, w => w.GetProperty("state").GetString() == "withdrawn" && w.GetProperty("id").ValueKind == JsonValueKind.Null);
        Assert.Equal(2, why.Count);
        var raw = json.GetRawText();
        Assert.DoesNotContain("Ingetrokken titel", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Alleen voor het team", raw, StringComparison.Ordinal);

        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Contains("Alleen voor het team", (await member.GetJsonAsync($"/api/v1/prototypes/{id}")).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_other_kinds_and_members_only_prototypes_are_404_alike()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly, Phase.Prototype);
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie");
        var id = await factory.PrototypeAsync(team.Id, "Geheim", team.Facilitator.Id, idea);
        using var anonymous = factory.NewBrowser();
        foreach (var url in new[] { $"/api/v1/prototypes/{id}", $"/api/v1/prototypes/{idea}", "/api/v1/prototypes/999999" })
        {
            using var response = await anonymous.GetAsync(url);
            Expect.Status(HttpStatusCode.NotFound, response, url);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Geheim", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Assert.Equal("Geheim", (await observer.GetJsonAsync($"/api/v1/prototypes/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public void Every_enum_value_has_an_api_name()
    {
        Assert.Equal(Enum.GetValues<PrototypeForm>().Length, PrototypeSlugs.Form.All.Count);
        Assert.Equal(["sketch", "rolePlay", "mockUp", "storyboard", "servicePilot", "other"], PrototypeSlugs.Form.All.Values);
        Assert.Equal(["low", "medium", "high"], PrototypeSlugs.Risk.All.Values);
        Assert.Equal(["sure", "somewhat", "unsure"], PrototypeSlugs.Certainty.All.Values);
    }
}
