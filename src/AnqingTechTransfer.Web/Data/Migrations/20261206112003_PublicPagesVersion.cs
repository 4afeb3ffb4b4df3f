using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicPagesVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row the public pages' output cache is keyed by (PublicPageCachePolicy), as cockpit_version is the cockpit's: a
            // statement that changes a row of a table those pages read bumps it in the same transaction, so every app instance
            // sees the change at its next anonymous request. The triggers see the statement's rows (transition tables) and bump
            // only when there is one: the search backfill's minutely UPDATE that finds nothing to fill leaves the cache alone.
            migrationBuilder.Sql("""
CREATE TABLE public_pages_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO public_pages_version VALUES (1, 1);
CREATE FUNCTION public_pages_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM changed) THEN
    UPDATE public_pages_version SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notices', 'tech_needs', 'tech_results', 'code_entries', 'project_calls', 'project_programmes', 'project_problems', 'carriers', 'index_publications'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_public_ins AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public_pages_version_bump()', t);
    EXECUTE format('CREATE TRIGGER %1$s_public_upd AFTER UPDATE ON %1$I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public_pages_version_bump()', t);
    EXECUTE format('CREATE TRIGGER %1$s_public_del AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION public_pages_version_bump()', t);
  END LOOP;
END $$;
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['notices', 'tech_needs', 'tech_results', 'code_entries', 'project_calls', 'project_programmes', 'project_problems', 'carriers', 'index_publications'] LOOP
    EXECUTE format('DROP TRIGGER %1$s_public_ins ON %1$I', t);
    EXECUTE format('DROP TRIGGER %1$s_public_upd ON %1$I', t);
    EXECUTE format('DROP TRIGGER %1$s_public_del ON %1$I', t);
  END LOOP;
END $$;
DROP FUNCTION public_pages_version_bump();
DROP TABLE public_pages_version;
""");
        }
    }
}
