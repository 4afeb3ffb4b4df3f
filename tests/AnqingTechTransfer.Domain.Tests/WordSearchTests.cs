using AnqingTechTransfer.Domain.Search;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>The word search's rules (ADR 0017), with a cutter that knows a few words (jieba itself: the integration tests).</summary>
public class WordSearchTests
{
    /// <summary>Longest known word first, otherwise one character; the search mode's shorter words inside a long one too.</summary>
    private sealed class FakeCutter(params string[] dictionary) : IWordCutter
    {
        public IEnumerable<string> CutForSearch(string text)
        {
            var i = 0;
            while (i < text.Length)
            {
                var word = dictionary.Where(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0).OrderByDescending(w => w.Length).FirstOrDefault();
                if (word is null)
                {
                    yield return text[i].ToString();
                    i++;
                    continue;
                }

                foreach (var inner in dictionary.Where(d => d.Length < word.Length && word.Contains(d)))
                {
                    yield return inner;
                }

                yield return word;
                i += word.Length;
            }
        }
    }

    private static readonly FakeCutter Cutter = new("聚丙烯", "丙烯", "老化", "材料", "耐候性", "评价", "光刻胶", "光刻");

    [Fact]
    public void A_phrase_without_spaces_becomes_its_words_and_all_must_match()
    {
        var query = WordQuery.Parse(Cutter, "聚丙烯老化");

        query.IsShort.Should().BeFalse();
        query.Words.Select(w => w.Word).Should().Equal("聚丙烯", "老化"); // 丙烯 is inside 聚丙烯: implied, dropped
        query.TsQuery(false).Should().Be("(('聚丙烯' | ('聚丙' <-> '丙烯'))) & ('老化')");
    }

    [Fact]
    public void Relaxed_a_long_word_may_be_met_by_its_leading_or_trailing_part()
    {
        var query = WordQuery.Parse(Cutter, "耐候性");

        query.Words.Single().Parts.Should().Equal("耐候", "候性");
        query.TsQuery(true).Should().Be("(('耐候性' | ('耐候' <-> '候性')) | '耐候' | '候性')");
        query.Marks(true).Should().Equal("耐候性", "耐候", "候性");
        query.StandIns().Should().Equal("耐候", "候性");
    }

    [Theory]
    [InlineData("老化")]
    [InlineData(" 催 ")]
    [InlineData("ab")]
    [InlineData("中 药")]
    public void One_or_two_characters_keep_the_substring_path(string q)
    {
        var query = WordQuery.Parse(Cutter, q);

        query.IsShort.Should().BeTrue();
        query.Words.Should().BeEmpty();
        query.Text.Should().Be(q.Trim());
    }

    [Fact]
    public void Nothing_typed_is_an_empty_query()
    {
        WordQuery.Parse(Cutter, "   ").IsEmpty.Should().BeTrue();
        WordQuery.Parse(Cutter, null).IsShort.Should().BeFalse();
    }

    [Theory]
    [InlineData("'老化' | !材料 & :* <-> (")]
    [InlineData("聚丙烯\"老化\\\");--")]
    [InlineData("a:*&b|c!d")]
    public void Operators_typed_never_reach_the_query(string q)
    {
        var tsQuery = WordQuery.Parse(Cutter, q).TsQuery(true);

        // Every lexeme is quoted letters or digits; the only operators are the ones the query builds.
        var outside = System.Text.RegularExpressions.Regex.Replace(tsQuery, "'[a-z0-9\u4e00-\u9fff]+'", "");
        outside.Should().MatchRegex(@"^[\s()&|<\->:*]*$");
    }

    [Fact]
    public void A_long_query_is_clipped_and_keeps_at_most_eight_words()
    {
        var query = WordQuery.Parse(Cutter, string.Concat(Enumerable.Repeat("材料评价老化光刻胶", 2000)));

        query.Text.Length.Should().Be(WordQuery.MaxInput);
        query.Words.Count.Should().BeLessThanOrEqualTo(WordQuery.MaxWords);
    }

    [Fact]
    public void Joining_characters_are_dropped_and_other_single_characters_match_as_a_word_start()
    {
        var query = WordQuery.Parse(Cutter, "聚丙烯的钨材料");

        query.Words.Select(w => w.Word).Should().Equal("聚丙烯", "钨", "材料");
        query.TsQuery(false).Should().Contain("('钨':*)");
    }

    [Fact]
    public void A_record_is_indexed_by_title_words_other_words_and_its_grams()
    {
        // (the fake cutter gives Latin letters one by one; jieba keeps "pp" whole)
        var words = SearchText.Words(Cutter, "聚丙烯材料", "耐候性评价，PP-R", null);

        words.Should().Be("丙烯 聚丙烯 材料 | 耐候性 评价 p p r | 聚丙 丙烯 烯材 材料 耐候 候性 性评 评价");
    }

    [Fact]
    public void Tokens_keep_letters_and_digits_only()
    {
        SearchText.Clean("A'b:*c&|!5G（").Should().Be("abc5g");
        SearchText.Grams("耐候 x老化").Should().Equal("耐候", "老化");
    }

    [Fact]
    public void Highlighting_marks_each_occurrence_longest_word_first_case_insensitively()
    {
        var parts = Highlighter.Parts("PP聚丙烯耐候材料的耐候性", ["耐候", "耐候性", "pp"]);

        parts.Should().Equal(
            new TextPart("PP", true), new TextPart("聚丙烯", false), new TextPart("耐候", true), new TextPart("材料的", false), new TextPart("耐候性", true));
    }

    [Fact]
    public void A_snippet_is_cut_around_the_first_match()
    {
        var text = new string('甲', 100) + "老化" + new string('乙', 100);

        var parts = Highlighter.Snippet(text, ["老化"], 40);

        string.Concat(parts.Select(p => p.Text)).Should().StartWith("…").And.EndWith("…").And.Contain("老化");
        parts.Should().ContainSingle(p => p.Marked).Which.Text.Should().Be("老化");
    }
}
