using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicityDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "decisions",
                table: "project_publicities",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "decisions",
                table: "project_publicities");
        }
    }
}
