using System.Data.Common;

namespace RuleSuspension.Load;

/// <summary>What the database holds for the run's customers against what their stories say.</summary>
internal sealed record EndStateResult(int Customers, int Right, int Lost, int Doubled, int WrongState, long EventsSent, long EventsStored, IReadOnlyList<string> Examples)
{
    public bool AllRight => Right == Customers && EventsStored == EventsSent;
}

/// <summary>
/// Reads every customer of the run and all its suspensions, lifted or not, straight from the database once the
/// traffic is over: a customer is right when its status and active reason are the story's and it has exactly one
/// suspension where one is expected (none otherwise); lost means a customer or an expected suspension is missing,
/// doubled means more than one suspension.
/// </summary>
internal static class EndStateCheck
{
    public static async Task<EndStateResult> RunAsync(Func<DbConnection> open, string run, IReadOnlyList<Story> stories)
    {
        var prefix = $"cust-{run}-%";
        await using var connection = open();
        await connection.OpenAsync();
        var status = new Dictionary<string, string>();
        await foreach (var row in Rows(connection, "SELECT \"Id\", \"Status\" FROM \"Customers\" WHERE \"Id\" LIKE @prefix", prefix))
        {
            status[row[0]!] = row[1]!;
        }

        var suspensions = new Dictionary<string, List<(string Reason, bool Active)>>();
        await foreach (var row in Rows(connection, "SELECT \"CustomerId\", \"ReasonCode\", \"LiftedAt\" FROM \"Suspensions\" WHERE \"CustomerId\" LIKE @prefix", prefix))
        {
            if (!suspensions.TryGetValue(row[0]!, out var list))
            {
                suspensions[row[0]!] = list = [];
            }

            list.Add((row[1]!, row[2] is null));
        }

        long stored = 0;
        await foreach (var row in Rows(connection, "SELECT COUNT(*) FROM \"Events\" WHERE \"CustomerId\" LIKE @prefix", prefix))
        {
            stored = long.Parse(row[0]!);
        }

        int right = 0, lost = 0, doubled = 0, wrong = 0;
        var examples = new List<string>();
        foreach (var story in stories)
        {
            var found = suspensions.GetValueOrDefault(story.CustomerId) ?? [];
            var active = found.Where(s => s.Active).Select(s => s.Reason).SingleOrDefault();
            var actual = status.TryGetValue(story.CustomerId, out var s) ? $"{s}, {found.Count} suspension(s), active: {active ?? "none"}" : "missing";
            string? fault = null;
            if (!status.ContainsKey(story.CustomerId) || (story.Expected.Suspended && found.Count == 0))
            {
                lost++;
                fault = "lost";
            }
            else if (found.Count > 1)
            {
                doubled++;
                fault = "doubled";
            }
            else if (status[story.CustomerId] != (story.Expected.Suspended ? "Suspended" : "Active") || active != story.Expected.ReasonCode || found.Count != (story.Expected.Suspended ? 1 : 0))
            {
                wrong++;
                fault = "wrong";
            }
            else
            {
                right++;
            }

            if (fault is not null && examples.Count < 10)
            {
                examples.Add($"{story.CustomerId} ({story.Kind}): expected {story.Expected}, found {actual} [{fault}]");
            }
        }

        return new EndStateResult(stories.Count, right, lost, doubled, wrong, stories.Sum(s => s.Events.Count), stored, examples);
    }

    private static async IAsyncEnumerable<string?[]> Rows(DbConnection connection, string sql, string prefix)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "prefix";
        parameter.Value = prefix;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return row;
        }
    }
}
