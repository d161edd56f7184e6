using Proeftuin.Features.Initiatives;

namespace Proeftuin.Tests.Initiatives;

/// <summary>Initiatives and pledges straight into the database, for tests that need them to exist.</summary>
public static class InitiativeData
{
    public static Task<int> InitiativeAsync(this ProeftuinFactory factory, int programmeId, int? projectId, string starterId, string title = "Samen soep koken",
        int threshold = 3, InitiativeStatus status = InitiativeStatus.Received, InitiativeType type = InitiativeType.NeighbourhoodActivity, int? respondsTo = null, string what = "Elke zondag soep.") =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var i = new Initiative
            {
                ProgrammeId = programmeId,
                ProjectId = projectId,
                Type = type,
                Title = title,
                What = what,
                WhatHtml = "<p>" + System.Net.WebUtility.HtmlEncode(what) + "</p>",
                Why = "Het is stil op zondag.",
                WhyHtml = "<p>Het is stil op zondag.</p>",
                Threshold = threshold,
                Status = status,
                StarterId = starterId,
                RespondsToItemId = respondsTo,
                CreatedAt = now,
                UpdatedAt = now,
            };
            i.Initiators.Add(new InitiativeInitiator { UserId = starterId, AddedAt = now });
            db.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });

    public static Task<int> ProjectProgrammeAsync(this ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.ProgrammeId).FirstAsync());
}
