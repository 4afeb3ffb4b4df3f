using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WordSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "search_words",
                table: "tech_results",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_words",
                table: "tech_needs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_words",
                table: "tech_contracts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_words",
                table: "scenarios",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_words",
                table: "carriers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "tech_results",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "tech_needs",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "tech_contracts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "scenarios",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')",
                stored: true);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "carriers",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 1), '')), 'A') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 2), '')), 'B') || setweight(to_tsvector('simple', coalesce(split_part(search_words, '|', 3), '')), 'D')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_search_vector",
                table: "tech_results",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_search_vector",
                table: "tech_needs",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_search_vector",
                table: "tech_contracts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_scenarios_search_vector",
                table: "scenarios",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_search_vector",
                table: "carriers",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_results_search_vector",
                table: "tech_results");

            migrationBuilder.DropIndex(
                name: "ix_tech_needs_search_vector",
                table: "tech_needs");

            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_search_vector",
                table: "tech_contracts");

            migrationBuilder.DropIndex(
                name: "ix_scenarios_search_vector",
                table: "scenarios");

            migrationBuilder.DropIndex(
                name: "ix_carriers_search_vector",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "tech_results");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "tech_needs");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "search_words",
                table: "tech_results");

            migrationBuilder.DropColumn(
                name: "search_words",
                table: "tech_needs");

            migrationBuilder.DropColumn(
                name: "search_words",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "search_words",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "search_words",
                table: "carriers");
        }
    }
}
