using Proeftuin.Features.Members;

namespace Proeftuin.Features.Initiatives;

/// <summary>What kind of initiative it is. Stored as a number; API names in <see cref="InitiativeSlugs"/>.</summary>
public enum InitiativeType
{
    NeighbourhoodActivity = 0,
    Proposal = 1,
    RightToChallenge = 2,
    Other = 3,
}

/// <summary>Where it stands after a response of a facilitator (or the municipality). New initiatives are Received.</summary>
public enum InitiativeStatus
{
    Received = 0,
    InTalks = 1,
    Supported = 2,
    NotNow = 3,
}

/// <summary>What a person pledges: to take part, hours per week, or to bring something.</summary>
public enum PledgeKind
{
    JoinIn = 0,
    Hours = 1,
    Bring = 2,
}

public static class InitiativeLimits
{
    public const int Title = 200;
    public const int Text = 4000;
    public const int Reasons = 4000;
    public const int Bring = 200;
    public const int MaxThreshold = 1000;
    public const int MaxHours = 40;
    public const int MaxOthers = 1000;
    public const int MaxCoInitiators = 20;
}

/// <summary>
/// A residents' initiative (issue 14): in a programme, optionally in one of its projects; what, why, for whom and what
/// is needed (Markdown, rendered once when saved); optionally grown from an idea, question or experiment decision of
/// the same project. Threshold: how many people must take part before it starts; ReachedAt is set once, by the pledge
/// (or edit) that reached it, with a conditional update (see <see cref="ThresholdCheck"/>). HiddenAt: hidden by
/// moderation. StarterId is emptied when the starter's account is erased; the initiative stays.
/// </summary>
public sealed class Initiative
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int? ProjectId { get; set; }
    public InitiativeType Type { get; set; }
    public string Title { get; set; } = "";
    public string What { get; set; } = "";
    public string WhatHtml { get; set; } = "";
    public string Why { get; set; } = "";
    public string WhyHtml { get; set; } = "";
    public string ForWhom { get; set; } = "";
    public string ForWhomHtml { get; set; } = "";
    public string Needed { get; set; } = "";
    public string NeededHtml { get; set; } = "";
    public int? RespondsToItemId { get; set; }
    public string? StarterId { get; set; }
    public InitiativeStatus Status { get; set; }
    /// <summary>"We beginnen als {Threshold} mensen meedoen."</summary>
    public int Threshold { get; set; }
    public DateTime? ReachedAt { get; set; }
    /// <summary>The initiators stopped taking new pledges (only once the threshold is reached).</summary>
    public DateTime? PledgesClosedAt { get; set; }
    /// <summary>Bumped by every pledge and withdrawal first thing in its transaction, so pledges on one initiative queue on its row.</summary>
    public int Revision { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    /// <summary>Why a moderator changed the text, shown with it (Features/Moderation).</summary>
    public string? ModerationNote { get; set; }
    public List<InitiativeInitiator> Initiators { get; set; } = [];
}

/// <summary>An initiator: the starter, and co-initiators the initiators chose among the people who pledged.</summary>
public sealed class InitiativeInitiator
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime AddedAt { get; set; }
}

/// <summary>One response of a facilitator or the municipality: the status it gave and why. The history is these rows.</summary>
public sealed class InitiativeResponse
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public InitiativeStatus Status { get; set; }
    public string Reasons { get; set; } = "";
    public string ReasonsHtml { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// "Ik doe mee", "ik geef N uur per week" or "ik neem … mee", optionally "als er nog N anderen meedoen". The perspective
/// counted is stored with it (the person's in the project, else their own). A withdrawn pledge keeps its row with
/// WithdrawnAt; one active pledge per person per initiative. Erasure deletes a person's pledges.
/// </summary>
public sealed class Pledge
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public string? UserId { get; set; }
    public PledgeKind Kind { get; set; }
    public int? HoursPerWeek { get; set; }
    public string? Bring { get; set; }
    /// <summary>"Als er nog N anderen meedoen": met when the other active pledges number at least N.</summary>
    public int? IfOthers { get; set; }
    public Perspective Perspective { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public DateTime? HiddenAt { get; set; }
}
