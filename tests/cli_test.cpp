// Runs the cartelgraph executable as a user would and checks its output and exit codes.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <set>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;

const std::string source_dir = CARTELGRAPH_SOURCE_DIR;

Run run(const std::string& arguments) { return cartelgraph::testing::run_cli(arguments); }

}  // namespace

TEST_CASE("info --format json prints the brief's shape with the five sources") {
  const Run r = run("--format json info");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  REQUIRE(json.IsObject());
  CHECK(json["sources"].GetInt() == 5);
  CHECK(json["entities"].GetInt() > 0);
  CHECK(json["relations"].GetInt() > 0);
  REQUIRE(json["by_type"].IsObject());
  REQUIRE(json["by_kind"].IsObject());
  int total = 0;
  for (const auto& member : json["by_type"].GetObject()) total += member.value.GetInt();
  CHECK(total == json["entities"].GetInt());
}

TEST_CASE("show finds an entity by a nickname without accents or case") {
  const Run r = run("show \"EL OMEGA\"");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Felipe Eduardo Barajas Lozano") != std::string::npos);
  CHECK(r.out.find("Los Rusos") != std::string::npos);

  const Run json = run("--format json show 'san luis rio colorado'");
  CHECK(json.exit_code == 0);
  const auto card = parse_json(json.out);
  CHECK(std::string(card["id"].GetString()) == "san-luis-rio-colorado");
  CHECK(card["relations"].Size() > 0);
}

TEST_CASE("an unknown entity exits 1 with suggestions") {
  const Run r = run("show 'Los Rusoss'");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("los-rusos") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
  CHECK(run("").exit_code == 2);
  CHECK(run("frobnicate").exit_code == 2);
  CHECK(run("--format xml info").exit_code == 2);
  CHECK(run("--as-of 2021-02-30 info").exit_code == 2);
  CHECK(run("--min-confidence certain info").exit_code == 2);
  CHECK(run("list --type gang").exit_code == 2);
  CHECK(run("--help").exit_code == 0);
}

TEST_CASE("list filters by type and the view") {
  const Run places = run("--format json list --type place");
  CHECK(places.exit_code == 0);
  const auto json = parse_json(places.out);
  REQUIRE(json["entities"].Size() > 0);
  for (const auto& entity : json["entities"].GetArray()) CHECK(std::string(entity["type"].GetString()) == "place");

  const Run people = run("--types person list");
  CHECK(people.out.find("felipe-eduardo-barajas-lozano") != std::string::npos);
  CHECK(people.out.find("mexicali ") == std::string::npos);
}

TEST_CASE("validate accepts the seeds and rejects a broken copy naming both files") {
  CHECK(run("validate " + source_dir + "/seeds").exit_code == 0);
  CHECK(run("validate").exit_code == 0);

  namespace fs = std::filesystem;
  const fs::path copy = fs::temp_directory_path() / ("cartelgraph_seeds_" + std::to_string(::getpid()));
  fs::remove_all(copy);
  fs::copy(source_dir + "/seeds", copy);
  {  // a syntax error in one file: drop the first comma
    std::ifstream in(copy / "sinaloa_war.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.erase(text.find(','), 1);
    std::ofstream(copy / "sinaloa_war.json") << text;
  }
  {  // a relation to an unknown id in another
    std::ifstream in(copy / "salazar_garibay.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto at = text.find("\"to\": \"los-garibay\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("\"to\": \"los-garibay\"").size(), "\"to\": \"los-garibai\"");
    std::ofstream(copy / "salazar_garibay.json") << text;
  }
  const Run r = run("--data " + copy.string() + " validate");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find((copy / "sinaloa_war.json").string() + ":") != std::string::npos);
  CHECK(r.out.find("JSON syntax error") != std::string::npos);
  CHECK(r.out.find((copy / "salazar_garibay.json").string() + ":") != std::string::npos);
  CHECK(r.out.find("unknown entity id 'los-garibai'") != std::string::npos);

  const Run info = run("--data " + copy.string() + " info");
  CHECK(info.exit_code == 3);
  CHECK(info.out.empty());
  CHECK(info.err.find("unknown entity id 'los-garibai'") != std::string::npos);
  fs::remove_all(copy);
}

TEST_CASE("load limits are options, and data past them exits 3 naming the limit") {
  const std::string seeds = "--data " + source_dir + "/seeds ";
  CHECK(run(seeds + "info").exit_code == 0);

  const Run entities = run(seeds + "--max-entities 50 info");
  CHECK(entities.exit_code == 3);
  CHECK(entities.out.empty());
  CHECK(entities.err.find("more than 50 entities (--max-entities)") != std::string::npos);

  const Run size = run(seeds + "--max-input-size 1kB info");
  CHECK(size.exit_code == 3);
  CHECK(size.err.find("bytes, more than the limit of 1000 (--max-input-size)") != std::string::npos);

  const Run depth = run(seeds + "--max-depth 3 validate");
  CHECK(depth.exit_code == 3);
  CHECK(depth.out.find("nesting deeper than 3 levels (--max-depth)") != std::string::npos);
}

TEST_CASE("path cites every hop and --k gives loopless paths shortest first") {
  const Run r = run("path \"El Ruso\" \"Los Garibay\" --k 3 --format json");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  CHECK(std::string(json["from"].GetString()) == "jesus-alexander-sanchez-felix");
  CHECK(std::string(json["to"].GetString()) == "los-garibay");
  REQUIRE(json["paths"].Size() == 3);
  std::size_t previous = 0;
  for (const auto& path : json["paths"].GetArray()) {
    const std::size_t length = path["length"].GetUint();
    CHECK(length >= previous);
    previous = length;
    CHECK(path["nodes"].Size() == length + 1);
    CHECK(path["edges"].Size() >= length);
    for (const auto& edge : path["edges"].GetArray()) {
      REQUIRE(edge["sources"].Size() > 0);
      CHECK(std::string(edge["sources"][0]["section"].GetString()).size() > 0);
    }
  }
  const Run text = run("path 'el mayo' 'los garibay'");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("§") != std::string::npos);
}

TEST_CASE("--as-of removes relations that began later") {
  const std::string alliance = "path 'Los Salazar' 'Los Garibay' --kinds allied_with";
  CHECK(run("--as-of 2020-01-01 " + alliance).exit_code == 1);
  const Run later = run("--as-of 2021-06-01 " + alliance + " --format json");
  CHECK(later.exit_code == 0);
  CHECK(parse_json(later.out)["paths"][0]["length"].GetUint() == 1);
}

TEST_CASE("centrality lists the best first for every measure") {
  for (const char* measure : {"degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"}) {
    CAPTURE(measure);
    const Run r = run(std::string("--format json centrality --top 5 --measure ") + measure);
    CHECK(r.exit_code == 0);
    const auto json = parse_json(r.out);
    CHECK(std::string(json["measure"].GetString()) == measure);
    REQUIRE(json["results"].Size() == 5);
    for (rapidjson::SizeType i = 1; i < 5; ++i)
      CHECK(json["results"][i - 1]["score"].GetDouble() >= json["results"][i]["score"].GetDouble());
  }
  const Run people = run("--format json centrality --measure betweenness --type person --top 3");
  const auto ranked = parse_json(people.out);
  for (const auto& result : ranked["results"].GetArray()) CHECK(std::string(result["type"].GetString()) == "person");
  CHECK(run("centrality --measure fame").exit_code == 2);
}

TEST_CASE("factions lists the Sinaloa and CJNG blocs and the balance report") {
  const Run r = run("--format json factions");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  const auto bloc_of = [&](const std::string& id) -> int {
    int index = 0;
    for (const auto& bloc : json["blocs"].GetArray()) {
      for (const auto& group : bloc["groups"].GetArray())
        if (id == group.GetString()) return index;
      ++index;
    }
    return -1;
  };
  CHECK(bloc_of("los-salazar") >= 0);
  CHECK(bloc_of("los-salazar") == bloc_of("los-garibay"));
  CHECK(bloc_of("cjng") >= 0);
  CHECK(bloc_of("cjng") == bloc_of("la-linea"));
  CHECK(bloc_of("cjng") != bloc_of("los-salazar"));
  const auto& triangles = json["triangles"];
  CHECK(triangles["balanced"].GetUint() + triangles["unbalanced"].GetUint() > 0);
  const double ratio = json["balance_ratio"].GetDouble();
  CHECK(ratio == doctest::Approx(double(triangles["balanced"].GetUint()) /
                                 double(triangles["balanced"].GetUint() + triangles["unbalanced"].GetUint())));
}

TEST_CASE("factions shows the two sides of the Sinaloa war with every tie behind them cited") {
  const Run r = run("--format json factions");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  REQUIRE(json["conflicts"].Size() == 2);
  const auto& war = json["conflicts"][1];
  const auto camp = [&](rapidjson::SizeType i) {
    std::vector<std::string> groups;
    for (const auto& id : war["camps"][i]["groups"].GetArray()) groups.emplace_back(id.GetString());
    return groups;
  };
  CHECK(camp(0) == std::vector<std::string>{"los-garibay", "los-chapitos", "los-salazar"});
  CHECK(camp(1) == std::vector<std::string>{"el-mayo-faction", "los-rusos"});
  CHECK(war["frustration"].GetUint() == 0);
  CHECK(war["lower_bound"].GetUint() == 0);
  CHECK(war["exact"].GetBool());
  CHECK(war["frustrated"].Size() == 0);
  REQUIRE(war["relations"].Size() == 7);
  for (const auto& relation : war["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
  for (const auto& bloc : json["blocs"].GetArray()) CHECK(bloc["relations"].Size() > 0);
  for (const auto& candidate : json["candidates"].GetArray())
    CHECK(candidate["relations"].Size() == 2 * candidate["shared_enemies"].GetUint());
  CHECK(json["imbalance"].Size() > 0);
  CHECK(json["unaligned"].Size() > 0);

  const Run text = run("factions");
  CHECK(text.out.find("Camp A: Los Garibay, Los Chapitos, Los Salazar") != std::string::npos);
  CHECK(text.out.find("Camp B: El Mayo's faction, Los Rusos") != std::string::npos);
  // The tie, then its citation with the note on the line under it.
  const auto tie = text.out.find("Los Chapitos rival of El Mayo's faction [reported]\n");
  REQUIRE(tie != std::string::npos);
  const auto next = text.out.find('\n', tie) + 1;
  CHECK(text.out.substr(next, text.out.find('\n', next) - next).find("[news-monitor-2021-04 §") != std::string::npos);
}

TEST_CASE("factions with only confirmed relations finds no sides") {
  const auto json = parse_json(run("--format json --min-confidence confirmed factions").out);
  CHECK(json["conflicts"].Size() == 0);
  CHECK(json["blocs"].Size() == 0);
  CHECK(run("--min-confidence confirmed factions").out.find("no conflict: no rivalry between groups") !=
        std::string::npos);
}

TEST_CASE("disrupt prints the curve of a betweenness attack") {
  const Run r = run("disrupt --strategy betweenness --steps 5 --format json");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  CHECK(std::string(json["strategy"].GetString()) == "betweenness");
  CHECK(std::string(json["mode"].GetString()) == "sequential");
  REQUIRE(json["steps"].Size() == 5);
  double previous = 1.0;
  for (const auto& step : json["steps"].GetArray()) {
    CHECK(step["lcc_fraction"].GetDouble() <= previous);
    previous = step["lcc_fraction"].GetDouble();
    CHECK(step["lcc_fraction"].GetDouble() == doctest::Approx(step["lcc"].GetDouble() / json["start_lcc"].GetDouble()));
  }
  CHECK(std::string(json["steps"][0]["removed"].GetString()) == "cjng");
  const Run given = run("disrupt --remove 'El Mencho,el mayo' --format json");
  CHECK(given.exit_code == 0);
  CHECK(parse_json(given.out)["steps"].Size() == 2);
  CHECK(run("disrupt --strategy luck").exit_code == 2);

  SUBCASE("a sampled run says so, with its bound") {
    const Run sampled = run("disrupt --steps 1 --samples 30 --seed 3");
    CHECK(sampled.exit_code == 0);
    CHECK(sampled.out.find("Efficiency estimated from 30 sampled sources (seed 3): within ±0.2480 with "
                           "95% confidence") != std::string::npos);
    const auto json = parse_json(run("disrupt --steps 1 --samples 30 --format json").out);
    CHECK(json["samples"].GetUint64() == 30);
    CHECK(json["error_bound"].GetDouble() == doctest::Approx(0.2480).epsilon(1e-3));
    CHECK(parse_json(run("disrupt --steps 1 --format json").out)["samples"].GetUint64() == 0);
  }
}

TEST_CASE("neighbors and timeline print the brief's shapes") {
  const Run n = run("neighbors 'los garibay' --depth 1 --format json");
  CHECK(n.exit_code == 0);
  const auto hood = parse_json(n.out);
  CHECK(std::string(hood["center"].GetString()) == "los-garibay");
  CHECK(hood["entities"][0]["distance"].GetUint() == 0);
  CHECK(hood["relations"].Size() > 0);

  const Run t = run("timeline 'Rosalinda Gonzalez Valencia' --format json");
  CHECK(t.exit_code == 0);
  const auto timeline = parse_json(t.out);
  const auto events = timeline["events"].GetArray();
  REQUIRE(events.Size() >= 2);
  std::string previous;
  bool arrest = false;
  for (const auto& event : events) {
    const std::string date = event["date"].GetString();
    CHECK(previous <= date);
    previous = date;
    arrest = arrest || (std::string(event["kind"].GetString()) == "arrested_by" && date == "2018-05");
  }
  CHECK(arrest);
}

TEST_CASE("entities resolve by id, name, alias, without accents or case") {
  for (const char* name : {"juan-manuel-abouzaid", "'Juan Manuel Abouzaid'", "'El Árabe'", "'el arabe'",
                           "'EL ESCORPION'", "'juan manuel abouzaid'"}) {
    CAPTURE(name);
    const Run r = run(std::string("--format json show ") + name);
    CHECK(r.exit_code == 0);
    CHECK(std::string(parse_json(r.out)["id"].GetString()) == "juan-manuel-abouzaid");
  }
  const Run card = run("show 'el arabe'");
  CHECK(card.out.find("Juan Manuel Abouzaid") != std::string::npos);
  CHECK(card.out.find("[news-monitor-2021-04 §") != std::string::npos);  // citations as [source §section]
  CHECK(run("--format json show 'jalisco nueva generacion'").out.find("\"id\": \"cjng\"") != std::string::npos);
  CHECK(run("--format json show 'los chap'").out.find("\"id\": \"los-chapitos\"") != std::string::npos);
}

TEST_CASE("ambiguous names exit 2 with candidates, unknown ones 1 with suggestions") {
  const Run ambiguous = run("show los");
  CHECK(ambiguous.exit_code == 2);
  CHECK(ambiguous.out.empty());
  CHECK(ambiguous.err.find("ambiguous") != std::string::npos);
  CHECK(ambiguous.err.find("los-rusos  (Los Rusos, organization)") != std::string::npos);
  const Run unknown = run("show Nobody");
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.find("did you mean") != std::string::npos);
  const Run search = run("--format json search 'el mensho'");
  CHECK(search.exit_code == 0);
  const auto json = parse_json(search.out);
  CHECK(std::string(json["query"].GetString()) == "el mensho");
  CHECK(std::string(json["matches"][0]["id"].GetString()) == "nemesio-oseguera-cervantes");
}

TEST_CASE("every command prints exactly one JSON document with --format json") {
  const char* commands[] = {"info",
                            "list --type agency",
                            "show 'el mayo'",
                            "search salazar",
                            "path 'el mayo' 'los garibay'",
                            "connect 'el mayo' 'los garibay' 'la linea'",
                            "neighbors 'los rusos'",
                            "centrality",
                            "brokers",
                            "factions",
                            "disrupt --steps 2",
                            "timeline",
                            "diff --from 2021 --to 2022",
                            "kinds",
                            "validate"};
  for (const char* command : commands) {
    CAPTURE(command);
    const Run r = run(std::string(command) + " --format json");
    CHECK(r.exit_code == 0);
    rapidjson::Document document;
    document.Parse(r.out.c_str());
    CHECK_FALSE(document.HasParseError());
    CHECK(document.IsObject());
    const Run text = run(command);
    CHECK(text.exit_code == 0);
    CHECK_FALSE(text.out.empty());
  }
}

TEST_CASE("every command has help with an example, and the exit codes are documented") {
  const Run main_help = run("--help");
  CHECK(main_help.exit_code == 0);
  CHECK(main_help.out.find("Exit codes: 0 success; 1 no result") != std::string::npos);
  for (const char* command :
       {"info", "list", "show", "search", "path", "connect", "neighbors", "centrality", "brokers", "factions",
        "disrupt", "timeline", "diff", "kinds", "render", "report", "validate", "export"}) {
    CAPTURE(command);
    const Run help = run(std::string(command) + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Example: cartelgraph") != std::string::npos);
  }
  CHECK(run("--version").out == std::string("cartelgraph ") + "0.1.0\n");
}

TEST_CASE("errors users hit get one clear line and the right exit code") {
  const Run missing = run("--data /no/such/dir info");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("--data /no/such/dir: no such file or directory") != std::string::npos);
  const Run date = run("--as-of 2021-13 info");
  CHECK(date.exit_code == 2);
  CHECK(date.err.find("YYYY, YYYY-MM or YYYY-MM-DD") != std::string::npos);
  const Run kind = run("path 'el mayo' 'los garibay' --kinds friend_of");
  CHECK(kind.exit_code == 2);
  CHECK(kind.err.find("unknown relation kind 'friend_of'") != std::string::npos);
  const Run measure = run("centrality --measure fame");
  CHECK(measure.err.find("(known: degree, betweenness") != std::string::npos);
  for (const Run& r : {missing, date, kind, measure}) {
    CHECK(r.out.empty());
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("an event's participants read by their role, and participated_in is no kind") {
  const std::string last_mile = run("show \"operation last mile\"").out;
  const std::string ambush = run("show \"coatepec harinas police ambush\"").out;
  for (const char* sentence : {"Drug Enforcement Administration investigated Operation Last Mile",
                               "Sinaloa Cartel was the target of Operation Last Mile",
                               "Jalisco New Generation Cartel was the target of Operation Last Mile"})
    CHECK_MESSAGE(last_mile.find(sentence) != std::string::npos, sentence);
  for (const char* sentence : {"La Familia Michoacana perpetrated Coatepec Harinas police ambush",
                               "Secretariat of Security of the State of Mexico was a victim of Coatepec Harinas"})
    CHECK_MESSAGE(ambush.find(sentence) != std::string::npos, sentence);
  CHECK((last_mile + ambush).find("participated in") == std::string::npos);
  const Run old = run("neighbors dea --kinds participated_in");
  CHECK(old.exit_code == 2);
  CHECK(old.err.find("unknown relation kind 'participated_in' (known: member_of, leads,") != std::string::npos);
  CHECK(old.err.find("perpetrated, target_of, victim_of, organized, attended, investigated, conducted") !=
        std::string::npos);
}

TEST_CASE("colour only on a terminal, never with NO_COLOR") {
  // `script` gives the program a pseudo-terminal, as a user's shell does.
  const std::string show = std::string(CARTELGRAPH_EXE) + " show 'el mayo'";
  const auto through_tty = [&](const std::string& environment) {
    const std::string command = "env " + environment + " script -qec \"" + show + "\" /dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    ::pclose(pipe);
    return out;
  };
  CHECK(through_tty("TERM=xterm").find("\x1b[1m") != std::string::npos);
  CHECK(through_tty("TERM=xterm NO_COLOR=1").find("\x1b[") == std::string::npos);
  CHECK(run("show 'el mayo'").out.find("\x1b[") == std::string::npos);  // a pipe: no colour
}

TEST_CASE("the bash completion script is generated from the command line definition") {
  const Run script = run("completion bash");
  CHECK(script.exit_code == 0);
  CHECK(script.out.find("complete -F _cartelgraph cartelgraph") != std::string::npos);
  CHECK(script.out.find("centrality) COMPREPLY") != std::string::npos);
  CHECK(script.out.find("--measure --type --top") != std::string::npos);
  CHECK(script.out.find("allied_with") != std::string::npos);
}

TEST_CASE("path --weighted still means --weight confidence, and the two cannot be combined") {
  const Run alias = run("--format json path \"El Ruso\" \"Los Garibay\" --weighted");
  CHECK(alias.exit_code == 0);
  CHECK(alias.out == run("--format json path \"El Ruso\" \"Los Garibay\" --weight confidence").out);
  CHECK(alias.out.find("\"cost\"") != std::string::npos);
  CHECK(run("path \"El Ruso\" \"Los Garibay\" --weighted --weight weight").exit_code == 2);
  CHECK(run("path \"El Ruso\" \"Los Garibay\" --weight hops").exit_code == 2);
}

TEST_CASE("weighted centrality says so, in text and in JSON") {
  const Run text = run("centrality --weighted --measure closeness --top 3");
  CHECK(text.exit_code == 0);
  CHECK(text.out.starts_with("weighted closeness centrality over"));
  const Run people = run("--network people --format json centrality --weighted --measure betweenness --top 3");
  CHECK(people.exit_code == 0);
  const auto json = parse_json(people.out);
  CHECK(json["weighted"].GetBool());
  CHECK(std::string(json["network"]["name"].GetString()) == "people");
}

TEST_CASE("sampled betweenness states its error bound; threads do not change results") {
  const Run sampled = run("--format json centrality --measure betweenness --samples 30 --top 3");
  CHECK(sampled.exit_code == 0);
  const auto json = parse_json(sampled.out);
  CHECK(json["samples"].GetUint() == 30);
  CHECK(json["error_bound"].GetDouble() > 0);
  CHECK(run("centrality --measure degree --samples 5").exit_code == 2);
  CHECK(run("--threads 1 --format json centrality --measure betweenness --top 20").out ==
        run("--threads 2 --format json centrality --measure betweenness --top 20").out);
}

TEST_CASE("kinds lists the vocabulary with direction, layer, sign and hierarchy") {
  const Run r = run("--format json kinds");
  REQUIRE(r.exit_code == 0);
  const auto json = parse_json(r.out);
  REQUIRE(json["kinds"].IsArray());
  bool rival = false, faction = false;
  for (const auto& kind : json["kinds"].GetArray()) {
    const std::string name = kind["name"].GetString();
    if (name == "rival_of") {
      rival = kind["sign"].GetInt() == -1 && kind["symmetric"].GetBool() &&
              std::string(kind["layer"].GetString()) == "criminal";
    }
    if (name == "faction_of") faction = kind["hierarchy"].GetBool() && kind["sign"].GetInt() == 0;
  }
  CHECK(rival);
  CHECK(faction);
  const Run text = run("kinds");
  CHECK(text.out.find("rival_of") != std::string::npos);
  const Run unknown = run("path 'el mayo' 'los garibay' --kinds friend_of");
  CHECK(unknown.err.find("(known: member_of, leads,") != std::string::npos);
}

TEST_CASE("a timeline shows how ties ended and says what it left out") {
  const Run ruben = run("timeline 'Rubén Oseguera González'");
  REQUIRE(ruben.exit_code == 0);
  CHECK(ruben.out.find("2015-06      ended    Rubén Oseguera González member of Jalisco New Generation Cartel") !=
        std::string::npos);
  const Run mencho = run("timeline 'el mencho'");
  REQUIRE(mencho.exit_code == 0);
  CHECK(mencho.out.find("2020-06      known by Juan Manuel Abouzaid associate of Nemesio Oseguera Cervantes") !=
        std::string::npos);
  CHECK(mencho.out.find("\n9 undated relations left out") != std::string::npos);
  const Run json = run("--format json timeline 'el mencho'");
  CHECK(parse_json(json.out)["undated"].GetUint() == 9);
}

TEST_CASE("an as-of answer says how many undated relations it kept, and --dated-only drops them") {
  const Run kept = run("--as-of 2021-03 info");
  CHECK(kept.err.find("cartelgraph: as of 2021-03") != std::string::npos);
  CHECK(kept.err.find("relations kept are undated (--dated-only drops them)") != std::string::npos);
  const Run dropped = run("--as-of 2021-03 --dated-only --format json info");
  CHECK(dropped.err.empty());
  CHECK(parse_json(dropped.out)["undated_relations"].GetUint() == 0);
}

TEST_CASE("path and neighbors show each citation's note, where the strength of the support is said") {
  const Run hood = run("neighbors 'el mencho'");
  REQUIRE(hood.exit_code == 0);
  CHECK(hood.out.find("He is introduced as the CJNG's leader.") != std::string::npos);
  const Run path = run("path 'el mencho' 'Rubén Oseguera González'");
  REQUIRE(path.exit_code == 0);
  CHECK(path.out.find("Rubén is called El Mencho's son.") != std::string::npos);
}

TEST_CASE("analyses run on the criminal network by default and say so; --network all adds every layer") {
  const std::set<std::string> criminal_types = {"organization", "faction", "person", "business"};
  const Run ranked = run("--format json centrality --measure betweenness --top 10");
  REQUIRE(ranked.exit_code == 0);
  const auto json = parse_json(ranked.out);
  CHECK(std::string(json["network"]["name"].GetString()) == "criminal");
  for (const auto& result : json["results"].GetArray()) CHECK(criminal_types.contains(result["type"].GetString()));
  const auto brokers = parse_json(run("--format json brokers").out);
  for (const auto& broker : brokers["articulation_points"].GetArray())
    CHECK(criminal_types.contains(broker["type"].GetString()));
  CHECK(run("brokers").out.find("Brokers of the criminal network: ") == 0);

  const auto all = parse_json(run("--network all --format json centrality --top 1").out);
  const auto info = parse_json(run("--format json info").out);
  CHECK(std::string(all["network"]["name"].GetString()) == "all");
  CHECK(all["network"]["entities"].GetUint() == info["entities"].GetUint());
  CHECK(json["network"]["entities"].GetUint() < info["entities"].GetUint());
  CHECK(run("--network everything brokers").exit_code == 2);
  CHECK(run("--help").out.find("--network criminal|people|all") != std::string::npos);
}

TEST_CASE("brokers and disruption steps carry the relations behind them, cited") {
  const auto brokers = parse_json(run("--format json brokers").out);
  REQUIRE(brokers["bridges"].Size() > 0);
  for (const auto& bridge : brokers["bridges"].GetArray()) {
    REQUIRE(bridge["relations"].Size() > 0);
    CHECK(bridge["relations"][0]["sources"].Size() > 0);
  }
  REQUIRE(brokers["articulation_points"].Size() > 0);
  CHECK(brokers["articulation_points"][0]["relations"].Size() > 0);
  const auto disrupt = parse_json(run("--format json disrupt --remove 'el mencho'").out);
  const auto& relations = disrupt["steps"][0]["relations"];
  REQUIRE(relations.Size() > 0);
  bool leads = false;
  for (const auto& r : relations.GetArray()) leads = leads || std::string(r["kind"].GetString()) == "leads";
  CHECK(leads);
  CHECK(
      run("disrupt --remove 'el mencho'").out.find("Nemesio Oseguera Cervantes leads Jalisco New Generation Cartel") !=
      std::string::npos);
}

TEST_CASE("--network people analyses people alone, tied through shared groups and direct ties") {
  const auto ranked = parse_json(run("--network people --format json centrality --measure degree --top 50").out);
  CHECK(std::string(ranked["network"]["name"].GetString()) == "people");
  REQUIRE(ranked["results"].Size() > 0);
  for (const auto& result : ranked["results"].GetArray()) CHECK(std::string(result["type"].GetString()) == "person");
  CHECK(run("--network people centrality").out.find("degree centrality over the people network: ") == 0);

  const auto brokers = parse_json(run("--network people --format json brokers").out);
  for (const auto& bridge : brokers["bridges"].GetArray()) REQUIRE(bridge["relations"].Size() > 0);

  const Run place = run("--network people disrupt --remove mexico");
  CHECK(place.exit_code == 1);
  CHECK(place.err.find("is not in the people network") != std::string::npos);
}

TEST_CASE("removing El Mencho from the people network cuts his ties to his family and the CJNG's members") {
  const auto disrupt = parse_json(run("--network people --format json disrupt --remove 'el mencho'").out);
  REQUIRE(disrupt["steps"].Size() == 1);
  const auto& step = disrupt["steps"][0];
  CHECK(step["lcc"].GetUint() < disrupt["start_lcc"].GetUint());
  CHECK(step["efficiency"].GetDouble() < disrupt["start_efficiency"].GetDouble());
  std::set<std::string> kinds;
  for (const auto& r : step["relations"].GetArray()) kinds.insert(r["kind"].GetString());
  CHECK(kinds.contains("leads"));
  CHECK(kinds.contains("parent_of"));
  const Run text = run("--network people disrupt --remove 'el mencho'");
  CHECK(text.out.find("of the people network: ") != std::string::npos);
}

TEST_CASE("an as-of JSON answer opens with the date and how many undated relations it kept") {
  const auto json = parse_json(run("--as-of 2021-03 --format json centrality --top 1").out);
  REQUIRE(json.HasMember("as_of"));
  CHECK(std::string(json["as_of"]["date"].GetString()) == "2021-03");
  CHECK(json["as_of"]["undated"].GetUint() > 0);
  CHECK(json["as_of"]["undated"].GetUint() < json["as_of"]["relations"].GetUint());
  const auto dated = parse_json(run("--as-of 2021-03 --dated-only --format json factions").out);
  CHECK(dated["as_of"]["undated"].GetUint() == 0);
  CHECK_FALSE(parse_json(run("--format json centrality --top 1").out).HasMember("as_of"));
}

TEST_CASE("factions says which network it analysed: the signed network of groups") {
  const auto json = parse_json(run("--format json factions").out);
  CHECK(std::string(json["network"]["name"].GetString()) == "signed groups");
  CHECK(json["network"]["ties"].GetUint() > 0);
  CHECK(run("factions").out.find("Factions of the signed network of groups: ") == 0);
}

namespace {
// The width in pixels a PNG's IHDR chunk states (bytes 16–19, big-endian).
std::uint32_t png_width(const std::string& png) {
  REQUIRE(png.size() > 24);
  std::uint32_t width = 0;
  for (std::size_t i = 16; i < 20; ++i) width = (width << 8) | static_cast<unsigned char>(png[i]);
  return width;
}
}  // namespace

TEST_CASE("render draws others' state actions only with --context, the camps with --sides, PNG at --dpi") {
  const std::string focus = "render --focus nemesio-oseguera-cervantes --layout none --image-format dot -o -";
  const Run plain = run(focus);
  const Run context = run(focus + " --context");
  REQUIRE(plain.exit_code == 0);
  REQUIRE(context.exit_code == 0);
  CHECK(plain.out.find(">arrested by") == std::string::npos);  // his relatives' arrests are context
  CHECK(context.out.find(">arrested by") != std::string::npos);

  const std::string war = "render --storyline sinaloa_war --layout none --image-format dot -o -";
  CHECK(run(war).out.find("cluster side") == std::string::npos);
  const Run sides = run(war + " --sides");
  CHECK(sides.out.find("\"cluster side 0\"") != std::string::npos);
  CHECK(sides.out.find("\"cluster side 1\"") != std::string::npos);
  CHECK(sides.out.find("\"cluster side 2\"") == std::string::npos);

  const std::string png = "render --focus nemesio-oseguera-cervantes --image-format png -o - --dpi ";
  const std::uint32_t at72 = png_width(run(png + "72").out);
  const std::uint32_t at144 = png_width(run(png + "144").out);
  CHECK(at144 >= 2 * at72 - 2);
  CHECK(at144 <= 2 * at72 + 2);
}

TEST_CASE("render links every node to its card in dossier.html, or where --link-base says") {
  const std::string war = "render --storyline sinaloa_war --layout none --image-format dot -o -";
  const Run linked = run(war);
  REQUIRE(linked.exit_code == 0);
  CHECK(linked.out.find("URL=\"dossier.html#entity-los-chapitos\"") != std::string::npos);
  const Run elsewhere = run(war + " --link-base https://example.org/war/dossier.html");
  CHECK(elsewhere.out.find("URL=\"https://example.org/war/dossier.html#entity-los-chapitos\"") != std::string::npos);
}
