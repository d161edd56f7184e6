using System.Globalization;

namespace Proeftuin.Features.Thread;

/// <summary>
/// The trace drawn as a graph (server side, no script): one column per kind in the order of the thread (story, insight,
/// need, question, idea, prototype, experiment, decision, lesson), the items of that kind stacked in it, and an arrow
/// for every link the walk went through, from what came first to what came of it. Nodes carry no item ids: a withdrawn
/// or unreadable story is a box with its placeholder text and nothing else.
/// </summary>
public static class TraceGraph
{
    public const int ColumnWidth = 170;
    public const int NodeWidth = 146;
    public const int NodeHeight = 62;
    public const int RowGap = 18;
    public const int Top = 34;
    public const int Margin = 12;
    /// <summary>Characters on one line of a node's title; two lines, then an ellipsis.</summary>
    public const int LineLength = 21;
    /// <summary>Boxes drawn per column; the rest is counted under it ("+ 88 meer"), the lists name them all.</summary>
    public const int PerColumn = 12;

    public sealed record Node(int Index, ItemRef Item, bool IsRoot, int Column, int Row, IReadOnlyList<string> Lines)
    {
        public double X => Margin + Column * ColumnWidth;
        public double Y => Top + Row * (NodeHeight + RowGap);
        public bool Readable => Item.State == ItemState.Visible;
    }

    public sealed record Arrow(Node Origin, Node Outcome)
    {
        /// <summary>From the origin's side that faces the outcome to the outcome's facing side.</summary>
        public (double X1, double Y1, double X2, double Y2) Points
        {
            get
            {
                var rightward = Origin.Column <= Outcome.Column;
                var sameColumn = Origin.Column == Outcome.Column;
                var x1 = sameColumn ? Origin.X + NodeWidth / 2.0 : rightward ? Origin.X + NodeWidth : Origin.X;
                var x2 = sameColumn ? Outcome.X + NodeWidth / 2.0 : rightward ? Outcome.X : Outcome.X + NodeWidth;
                var y1 = sameColumn ? (Origin.Row < Outcome.Row ? Origin.Y + NodeHeight : Origin.Y) : Origin.Y + NodeHeight / 2.0;
                var y2 = sameColumn ? (Origin.Row < Outcome.Row ? Outcome.Y : Outcome.Y + NodeHeight) : Outcome.Y + NodeHeight / 2.0;
                return (x1, y1, x2, y2);
            }
        }
    }

    public sealed record Column(int Index, ItemKind Kind, int Count)
    {
        public double X => Margin + Index * ColumnWidth;
        public int NotDrawn => Math.Max(0, Count - PerColumn);
        /// <summary>Where the count of boxes not drawn goes: under the last box.</summary>
        public double MoreY => Top + Math.Min(Count, PerColumn) * (NodeHeight + RowGap) + 4;
    }

    public sealed record Layout(IReadOnlyList<Column> Columns, IReadOnlyList<Node> Nodes, IReadOnlyList<Arrow> Arrows, int Width, int Height);

    /// <summary>Lays out the root and everything reached backwards and forwards, each item once.</summary>
    public static Layout Of(TraceView trace)
    {
        // Backward: the entry is the origin and the item it was reached from the outcome; forward the other way round.
        var found = new List<(ItemRef Item, int? ViaId, bool Forward)> { (trace.Root, null, true) };
        var seen = new HashSet<int> { trace.Root.Id };
        foreach (var (levels, forward) in new[] { (trace.Backward, false), (trace.Forward, true) })
            foreach (var e in levels.SelectMany(l => l.Items))
                if (seen.Add(e.Item.Id)) found.Add((e.Item, e.ViaId, forward));

        var columns = found.Select(f => f.Item.Kind).Distinct().OrderBy(k => (int)k)
            .Select((k, i) => new Column(i, k, found.Count(f => f.Item.Kind == k))).ToList();
        var columnOf = columns.ToDictionary(c => c.Kind, c => c.Index);
        var rows = new Dictionary<int, int>();
        var nodes = new List<Node>();
        var byId = new Dictionary<int, Node>();
        foreach (var (item, _, _) in found)
        {
            var column = columnOf[item.Kind];
            var row = rows.GetValueOrDefault(column);
            rows[column] = row + 1;
            if (row >= PerColumn) continue;
            var node = new Node(nodes.Count, item, nodes.Count == 0, column, row, Lines(item.State == ItemState.Visible ? item.Title ?? "" : item.Shown));
            nodes.Add(node);
            byId[item.Id] = node;
        }
        var arrows = found.Skip(1)
            .Where(f => f.ViaId is { } via && byId.ContainsKey(via) && byId.ContainsKey(f.Item.Id))
            .Select(f => f.Forward ? new Arrow(byId[f.ViaId!.Value], byId[f.Item.Id]) : new Arrow(byId[f.Item.Id], byId[f.ViaId!.Value]))
            .ToList();
        var maxRows = rows.Count == 0 ? 1 : Math.Min(PerColumn, rows.Values.Max());
        var more = columns.Any(c => c.NotDrawn > 0) ? 24 : 0;
        return new Layout(columns, nodes, arrows,
            Margin * 2 + (columns.Count - 1) * ColumnWidth + NodeWidth,
            Top + maxRows * (NodeHeight + RowGap) - RowGap + Margin + more);
    }

    /// <summary>A title in at most two short lines, cut at a word where it can be.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var w in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = w.Length > LineLength ? w[..(LineLength - 1)] + "…" : w;
            if (current.Length == 0) current = word;
            else if (current.Length + 1 + word.Length <= LineLength) current += " " + word;
            else
            {
                lines.Add(current);
                current = word;
            }
        }
        if (current.Length > 0) lines.Add(current);
        if (lines.Count <= 2) return lines;
        var second = lines[1].Length >= LineLength ? lines[1][..(LineLength - 1)] : lines[1];
        return [lines[0], second + "…"];
    }

    /// <summary>A number for an SVG attribute, always with a dot.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
