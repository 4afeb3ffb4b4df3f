using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DrawSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "draw_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_draw_snapshots", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_draw_snapshots_panel_id",
                table: "draw_snapshots",
                column: "panel_id");

            // Issue 23 §4: a draw's pool snapshot is insert-only, like audit_entries; its SM3 hash is in the draw's audit row.
            migrationBuilder.Sql(@"
CREATE FUNCTION draw_snapshots_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'draw_snapshots is insert-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER draw_snapshots_no_change BEFORE UPDATE OR DELETE ON draw_snapshots
    FOR EACH ROW EXECUTE FUNCTION draw_snapshots_insert_only();
CREATE TRIGGER draw_snapshots_no_truncate BEFORE TRUNCATE ON draw_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION draw_snapshots_insert_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS draw_snapshots_no_truncate ON draw_snapshots; DROP TRIGGER IF EXISTS draw_snapshots_no_change ON draw_snapshots;");
            migrationBuilder.DropTable(
                name: "draw_snapshots");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS draw_snapshots_insert_only();");
        }
    }
}
