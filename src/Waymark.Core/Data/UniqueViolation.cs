using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Waymark.Core.Data;

/// <summary>Whether a failed save was refused by a unique index, on either engine (not any other failure).</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Is(DbUpdateException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
                && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
            _ => false,
        };
    }
}
