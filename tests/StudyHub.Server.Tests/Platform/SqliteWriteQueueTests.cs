using Microsoft.EntityFrameworkCore;
using StudyHub.Kernel.Data;

namespace StudyHub.Server.Tests.Platform;

/// <summary>
/// SQLite saves take turns; whatever way a save ends (success, a unique-key clash, a concurrency
/// conflict, cancellation while waiting) the turn passes on, or every later write would hang.
/// </summary>
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("studyhub-queue-").FullName;
    private readonly string _connectionString;

    public SqliteWriteQueueTests()
    {
        _connectionString = $"Data Source={Path.Combine(_directory, "queue.db")};Pooling=False";
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Concurrent_saves_all_commit()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var db = NewContext();
            db.Notes.Add(new Note { Id = i, Text = "note " + i });
            await db.SaveChangesAsync();
        }));

        await using var check = NewContext();
        Assert.Equal(40, await check.Notes.CountAsync());
    }

    [Fact]
    public async Task A_failed_save_a_concurrency_conflict_and_a_cancelled_wait_each_pass_the_turn_on()
    {
        await using (var db = NewContext())
        {
            db.Notes.Add(new Note { Id = 1, Text = "first" });
            await db.SaveChangesAsync();
        }

        // A unique-key clash.
        await using (var clash = NewContext())
        {
            clash.Notes.Add(new Note { Id = 1, Text = "again" });
            await Assert.ThrowsAsync<DbUpdateException>(() => clash.SaveChangesAsync());
        }

        // A concurrency conflict: the row changed under a tracked copy.
        await using (var stale = NewContext())
        {
            var note = await stale.Notes.SingleAsync(n => n.Id == 1);
            await using (var other = NewContext())
            {
                (await other.Notes.SingleAsync(n => n.Id == 1)).Text = "changed elsewhere";
                await other.SaveChangesAsync();
            }

            note.Text = "stale change";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => stale.SaveChangesAsync());
        }

        // A save cancelled before its turn.
        await using (var cancelled = NewContext())
        {
            cancelled.Notes.Add(new Note { Id = 2, Text = "never" });
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.SaveChangesAsync(new CancellationToken(canceled: true)));
        }

        // The synchronous path too.
        using (var sync = NewContext())
        {
            sync.Notes.Add(new Note { Id = 3, Text = "sync" });
            sync.SaveChanges();
        }

        // Had any of those kept the turn, this save would wait forever.
        await using var last = NewContext();
        last.Notes.Add(new Note { Id = 4, Text = "last" });
        await last.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["changed elsewhere", "sync", "last"], await last.Notes.OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
    }

    private NotesContext NewContext() => new(new DbContextOptionsBuilder<NotesContext>()
        .UseSqlite(_connectionString)
        .AddInterceptors(SqliteConnectionSetup.Instance, SqliteWriteQueue.For(_connectionString))
        .Options);

    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Note>().Property(n => n.Id).ValueGeneratedNever();
            modelBuilder.Entity<Note>().Property(n => n.Text).IsConcurrencyToken();
        }
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }
}
