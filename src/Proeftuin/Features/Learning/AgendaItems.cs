using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Learning;

/// <summary>
/// Leervraag: what the team wants to learn, for whom, by when; with an owner and a status. The evidence that answers it
/// is linked on the thread ("dit verhaal onderbouwt deze leervraag"); Answer says what the team learned from it.
/// Title is the question, Text (Markdown) why it matters. Every change is kept in <see cref="AgendaVersion"/>.
/// </summary>
public sealed class LearningQuestion : ThreadItem
{
    public string ForWhom { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    public LearningStatus Status { get; set; }
    /// <summary>The team member who looks after it; null when nobody does (yet), or their account is gone.</summary>
    public string? OwnerId { get; set; }
    /// <summary>What the team learned (Markdown) and its HTML, rendered once; required once answered.</summary>
    public string Answer { get; set; } = "";
    public string AnswerHtml { get; set; } = "";
}

/// <summary>
/// Systeembarrière: a rule, a budget line or a way of working that blocks the innovation, and who could move it.
/// Title names it, Text (Markdown) says how it blocks. Kept on the learning agenda beside the questions.
/// </summary>
public sealed class SystemBarrier : ThreadItem
{
    public string WhoCanMove { get; set; } = "";
    public BarrierStatus Status { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>What was done about it, or why it stays (Markdown) and its HTML.</summary>
    public string Outcome { get; set; } = "";
    public string OutcomeHtml { get; set; } = "";
}

public enum LearningStatus
{
    Open = 0,
    Exploring = 1,
    Answered = 2,
    Dropped = 3,
}

public enum BarrierStatus
{
    Noticed = 0,
    Raised = 1,
    Moved = 2,
    Stays = 3,
}

/// <summary>What a version of an agenda item records.</summary>
public enum AgendaChange
{
    Added = 0,
    Edited = 1,
    StatusChanged = 2,
}

/// <summary>
/// One version of a learning question or system barrier: the agenda is dynamisch, so each save keeps what the item
/// said then (title, for whom or who can move it, due date, status, answer) and why it changed. The history page
/// compares neighbouring versions.
/// </summary>
public sealed class AgendaVersion
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public ThreadItem Item { get; set; } = null!;
    public int ProjectId { get; set; }
    public int Number { get; set; }
    public AgendaChange Change { get; set; }
    public string Title { get; set; } = "";
    /// <summary>For whom (a question) or who can move it (a barrier).</summary>
    public string Detail { get; set; } = "";
    public DateOnly? DueOn { get; set; }
    /// <summary>The status as its number: a <see cref="LearningStatus"/> or a <see cref="BarrierStatus"/>, by the item's kind.</summary>
    public int Status { get; set; }
    public string? OwnerId { get; set; }
    /// <summary>The answer (question) or the outcome (barrier) as typed.</summary>
    public string Answer { get; set; } = "";
    /// <summary>Why it changed, in the words of who changed it; may be empty.</summary>
    public string Reason { get; set; } = "";
    public string? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// What a version keeps of a learning question or a barrier, read the same way for both: Detail is "voor wie" or "wie
/// kan hem wegnemen", Answer the answer or the outcome. SaveAgendaItem, the demo and the tests make versions with it.
/// </summary>
public sealed record AgendaFields(string Title, string Detail, DateOnly? DueOn, int Status, string? OwnerId, string Answer)
{
    public static AgendaFields Of(ThreadItem item) => item switch
    {
        LearningQuestion q => new(q.Title, q.ForWhom, q.DueOn, (int)q.Status, q.OwnerId, q.Answer),
        SystemBarrier b => new(b.Title, b.WhoCanMove, null, (int)b.Status, b.OwnerId, b.Outcome),
        _ => throw new InvalidOperationException("Not an agenda item."),
    };

    public AgendaVersion Version(ThreadItem item, int number, AgendaChange change, string? reason, string? by, DateTime at) => new()
    {
        Item = item,
        ProjectId = item.ProjectId,
        Number = number,
        Change = change,
        Title = Title,
        Detail = Detail,
        DueOn = DueOn,
        Status = Status,
        OwnerId = OwnerId,
        Answer = Answer,
        Reason = (reason ?? "").Trim(),
        ChangedById = by,
        ChangedAt = at,
    };
}
