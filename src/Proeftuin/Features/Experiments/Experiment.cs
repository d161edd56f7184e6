using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Experiments;

/// <summary>Proef: a prototype tried in practice, in a proeftuin, with criteria, regelruimte and participants.</summary>
public sealed class Experiment : ThreadItem;

/// <summary>Observatie: what the team saw or heard during an experiment, with its knowledge source.</summary>
public sealed class Observation : ThreadItem;

/// <summary>Besluit: what the team decided after an experiment (doorgaan, bijsturen or stoppen), and why.</summary>
public sealed class Decision : ThreadItem;
