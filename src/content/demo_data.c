/* The demo newsroom's content: The Northgate Courier, the daily paper of a
 * fictional port city and its region, plus a seeded generator of more of it. */
#include <stdio.h>
#include <string.h>

#include "demo_data.h"

/* ---- sections -------------------------------------------------------- */

const struct gz_demo_section gz_demo_sections[] = {
    {"news", "News", "What is happening in Northgate, across Brenmoor and beyond."},
    {"news/city", "City",
     "Northgate’s streets, neighbourhoods and public services, from Old Quay to "
     "Fennick."},
    {"news/region", "Region",
     "Holm Ferry, Stannick, Carra Bay, Dunholt and the towns and villages of the "
     "Brennet valley."},
    {"news/world", "World",
     "The wider world as it reaches Northgate: trade, climate, and the cities we "
     "are twinned with."},
    {"politics", "Politics", "Power and how it is used in the city and the region."},
    {"politics/council", "Council",
     "Northgate City Council: its committees, its budget and the decisions that "
     "shape daily life."},
    {"politics/assembly", "Assembly",
     "The Brenmoor Regional Assembly, its ministers and the laws it makes."},
    {"politics/elections", "Elections",
     "Campaigns, candidates, results and turnout, ward by ward."},
    {"business", "Business", "Work and money in a city that has always lived by its port."},
    {"business/economy", "Economy", "Companies, shops, investment and the cost of living."},
    {"business/harbour", "Harbour & Shipping",
     "The Port of Northgate, its terminals, ferries, fishing fleet and ships."},
    {"business/work", "Work", "Jobs, pay, unions and the conditions people work in."},
    {"culture", "Culture", "Books, music, theatre and film in Northgate and Brenmoor."},
    {"culture/books", "Books", "Reviews, prizes, libraries and the region’s writers."},
    {"culture/music", "Music",
     "From the Philharmonic at the Corn Exchange to the folk sessions of Old Quay."},
    {"culture/stage-screen", "Stage & Screen",
     "Theatre reviews, cinema and the people who make them."},
    {"opinion", "Opinion", "Argument and comment from our columnists and our readers."},
    {"opinion/columns", "Columns", "Our columnists and the Courier’s own view."},
    {"opinion/letters", "Letters",
     "Readers write to the editor. Letters may be shortened for space."},
};
const size_t gz_demo_section_count = GZ_ARRAY_LEN(gz_demo_sections);

/* ---- authors --------------------------------------------------------- */

const struct gz_demo_author gz_demo_authors[] = {
    {"ruth-adeyemi", "Ruth Adeyemi", "person", "Editor",
     "Ruth Adeyemi has edited The Northgate Courier since 2019. She joined the "
     "paper as a trainee on the courts beat and later ran its newsdesk for seven "
     "years.\n\n"
     "She writes the Courier’s leading articles and answers readers’ complaints "
     "in person. She grew up in Millbrook and still lives there."},
    {"farid-haddad", "Farid Haddad", "person", "Political Editor",
     "Farid Haddad covers Northgate City Council and the Brenmoor Regional "
     "Assembly. Before joining the Courier he spent nine years as a parliamentary "
     "researcher, which he says taught him where budgets hide things.\n\n"
     "He is the author of the Courier’s annual guide to who runs the region."},
    {"lena-park", "Lena Park", "person", "City Reporter",
     "Lena Park reports on housing, transport and planning in Northgate. She has "
     "followed the future of the Saltings gasworks site since the first "
     "consultation.\n\n"
     "She studied geography at the University of Northgate and worked for a "
     "tenants’ advice service before turning to journalism."},
    {"tomas-lindqvist", "Tomás Lindqvist", "person", "Harbour and Business Correspondent",
     "Tomás Lindqvist writes about the Port of Northgate, shipping and the "
     "businesses that depend on them. He worked as a deckhand on the Skellan "
     "Isles ferry to pay his way through university.\n\n"
     "He has reported from the harbour for twelve years and still checks the tide "
     "tables before he checks his email."},
    {"siobhan-mccarthy", "Siobhán McCarthy", "person", "Regional Affairs Reporter",
     "Siobhán McCarthy covers the towns and villages of Brenmoor, from the river "
     "towns of the Brennet valley to the hill farms above Dunholt.\n\n"
     "She lives in Holm Ferry, which means she has reported on three floods from "
     "the wrong side of the water."},
    {"priya-raman", "Priya Raman", "person", "Work and Economy Reporter",
     "Priya Raman reports on jobs, pay, industrial disputes and the cost of "
     "living. She joined the Courier from a business weekly and trained as an "
     "accountant before that."},
    {"daniel-osei", "Daniel Osei", "person", "Culture Editor",
     "Daniel Osei edits the Courier’s culture pages and reviews theatre and "
     "classical music. He has sat through every production at the Lantern Theatre "
     "for fifteen years, including the ones he would rather forget.\n\n"
     "He chairs the judges of the Courier’s Young Critics competition."},
    {"margaret-hale", "Margaret Hale", "person", "Columnist",
     "Margaret Hale writes a weekly column about Northgate, its people and its "
     "politics. She taught history at Eastbank High School for thirty years and "
     "served one term as an independent councillor.\n\n"
     "She is still, by her own account, waiting for an answer to a letter she "
     "sent the Harbour Board in 1987."},
    {"committee-on-security", "Committee on Security, Northgate City Council", "organization",
     "Standing committee of Northgate City Council",
     "The Committee on Security oversees public safety in Northgate: emergency "
     "planning, large public events, the council’s CCTV network and its work with "
     "Brenmoor Police and the fire and rescue service.\n\n"
     "It has nine members drawn from all groups on the council and meets in "
     "public once a month at the Council House in Tollgate."},
    {"housing-committee", "Committee on Housing and Planning, Northgate City Council",
     "organization", "Standing committee of Northgate City Council",
     "The Committee on Housing and Planning decides major planning applications "
     "in Northgate and oversees the council’s 21,000 homes, its waiting list and "
     "its housing company, Northgate Homes."},
    {"harbour-workers-union", "Northgate Harbour Workers’ Union", "organization",
     "Trade union for dock, ferry and harbour workers",
     "The Northgate Harbour Workers’ Union represents about 3,400 dockers, crane "
     "operators, ferry crews, pilots’ launch crews and harbour maintenance staff "
     "across the Port of Northgate.\n\n"
     "It was founded in 1889, the year of the great harbour strike, and has its "
     "offices on Quay Road."},
    {"regional-water-authority", "Regional Water Authority", "organization",
     "Public water and sewerage authority for Brenmoor",
     "The Regional Water Authority supplies drinking water to 640,000 people in "
     "Northgate and the Brennet valley, treats the region’s waste water and "
     "manages the river’s flood defences together with the councils of the region."},
    {"northgate-harbour-board", "Northgate Harbour Board", "organization",
     "Public trust that owns and runs the Port of Northgate",
     "The Northgate Harbour Board is the trust port that owns and operates the "
     "Port of Northgate, including the Eastbank Container Terminal, the Old Quay "
     "ferry terminal and the navigation channel of the Brennet estuary.\n\n"
     "Its board includes members appointed by the city council, the Regional "
     "Assembly and the port’s users."},
    {"saltings-tenants", "Saltings Tenants’ Association", "organization",
     "Residents’ association for the Saltings estate",
     "The Saltings Tenants’ Association speaks for the residents of the Saltings "
     "estate’s 1,900 homes. It was set up in 1974 by tenants campaigning for "
     "repairs to the estate’s tower blocks and has never quite stopped."},
    {"care-workers-union", "Brenmoor Care Workers’ Union", "organization",
     "Trade union for care and support workers in Brenmoor",
     "The Brenmoor Care Workers’ Union represents home carers, care home staff "
     "and support workers employed by councils, charities and private providers "
     "across the region."},
};
const size_t gz_demo_author_count = GZ_ARRAY_LEN(gz_demo_authors);

/* ---- tags ------------------------------------------------------------ */

const char *const gz_demo_tags[] = {
    "Housing",      "Harbour",        "Shipping",
    "City Budget",  "City Council",   "Regional Assembly",
    "Elections",    "Transport",      "Ferries",
    "Schools",      "Health",         "Water",
    "Flooding",     "River Brennet",  "Environment",
    "Energy",       "Weather",        "Jobs",
    "Strikes",      "Small Business", "Farming",
    "Fishing",      "Policing",       "Heritage",
    "Festivals",    "Books",          "Music",
    "Theatre",      "Film",           "University",
    "The Saltings",
};
const size_t gz_demo_tag_count = GZ_ARRAY_LEN(gz_demo_tags);

/* ---- images ---------------------------------------------------------- */

const char *const gz_demo_image_credit = "Illustration: The Northgate Courier";

#define CREDIT "Illustration: The Northgate Courier"
#define SCENE_LOW_SUN_HILLS_SEA "Illustration: a low sun over green hills and a calm sea"
#define SCENE_DAWN_GREY_SEA "Illustration: a pale dawn sky above a still grey sea"
#define SCENE_NOON_HILLS "Illustration: rolling hills under a clear blue sky and a high sun"
#define SCENE_SUNSET_DARK_HILLS                                                                    \
        "Illustration: an orange evening sky with the sun setting behind dark hills"
#define SCENE_MORNING_RIVER                                                                        \
        "Illustration: a river winding between low hills under a bright morning sky"
#define SCENE_MOON_SEA "Illustration: a half moon over a dark sea at night"
#define SCENE_STORM_SEA "Illustration: heavy grey clouds over a rough sea"
#define SCENE_DAWN_HILLS "Illustration: a soft pink dawn over layers of blue hills"
#define SCENE_CALM_SEA "Illustration: a wide, calm sea under a cloudless sky"
#define SCENE_RED_SUN_SEA "Illustration: a red sun sinking into the sea beneath streaks of cloud"
#define SCENE_MOON_RIVER "Illustration: a moonlit river running between dark hills"
#define SCENE_OVERCAST_HILLS "Illustration: an overcast sky above grey-green hills"
#define SCENE_SUN_HEADLAND "Illustration: a bright sun over a blue sea and a distant headland"
#define SCENE_DUSK_ESTUARY "Illustration: a violet dusk over a river mouth and low hills"
#define SCENE_STORM_RIVER "Illustration: dark rain clouds over a swollen river and hills"
#define SCENE_DAWN_RIVER "Illustration: first light over a quiet river and a single hill"

const struct gz_demo_scene gz_demo_scenes[] = {
    {SCENE_LOW_SUN_HILLS_SEA, GZ_DEMO_SKY_DUSK, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_SEA, 2, false},
    {SCENE_DAWN_GREY_SEA, GZ_DEMO_SKY_DAWN, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_SEA, 0, false},
    {SCENE_NOON_HILLS, GZ_DEMO_SKY_DAY, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_NONE, 3, false},
    {SCENE_SUNSET_DARK_HILLS, GZ_DEMO_SKY_DUSK, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_NONE, 2, false},
    {SCENE_MORNING_RIVER, GZ_DEMO_SKY_DAY, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_RIVER, 2, false},
    {SCENE_MOON_SEA, GZ_DEMO_SKY_NIGHT, GZ_DEMO_LIGHT_MOON, GZ_DEMO_WATER_SEA, 0, false},
    {SCENE_STORM_SEA, GZ_DEMO_SKY_STORM, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_SEA, 0, true},
    {SCENE_DAWN_HILLS, GZ_DEMO_SKY_DAWN, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_NONE, 3, false},
    {SCENE_CALM_SEA, GZ_DEMO_SKY_DAY, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_SEA, 0, false},
    {SCENE_RED_SUN_SEA, GZ_DEMO_SKY_DUSK, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_SEA, 0, true},
    {SCENE_MOON_RIVER, GZ_DEMO_SKY_NIGHT, GZ_DEMO_LIGHT_MOON, GZ_DEMO_WATER_RIVER, 2, false},
    {SCENE_OVERCAST_HILLS, GZ_DEMO_SKY_OVERCAST, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_NONE, 2, true},
    {SCENE_SUN_HEADLAND, GZ_DEMO_SKY_DAY, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_SEA, 1, false},
    {SCENE_DUSK_ESTUARY, GZ_DEMO_SKY_DUSK, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_RIVER, 1, false},
    {SCENE_STORM_RIVER, GZ_DEMO_SKY_STORM, GZ_DEMO_LIGHT_NONE, GZ_DEMO_WATER_RIVER, 2, true},
    {SCENE_DAWN_RIVER, GZ_DEMO_SKY_DAWN, GZ_DEMO_LIGHT_SUN, GZ_DEMO_WATER_RIVER, 1, false},
};
const size_t gz_demo_scene_count = GZ_ARRAY_LEN(gz_demo_scenes);

const char *const gz_demo_sky_names[GZ_DEMO_SKY__MAX] = {
    [GZ_DEMO_SKY_DAWN] = "dawn",         [GZ_DEMO_SKY_DAY] = "day",
    [GZ_DEMO_SKY_DUSK] = "dusk",         [GZ_DEMO_SKY_NIGHT] = "night",
    [GZ_DEMO_SKY_OVERCAST] = "overcast", [GZ_DEMO_SKY_STORM] = "storm",
};

const struct gz_demo_scene *
gz_demo_scene_find(const char *alt)
{
        if (alt == NULL)
                return NULL;
        for (size_t i = 0; i < gz_demo_scene_count; i++)
                if (strcmp(gz_demo_scenes[i].alt, alt) == 0)
                        return &gz_demo_scenes[i];
        return NULL;
}

/* ---- hand-written articles -------------------------------------------- */

const struct gz_demo_article gz_demo_articles[] = {
    {
        .kind = "news",
        .section_path = "news/city",
        .slug = "saltings-gasworks-homes-approved",
        .title = "Council approves 1,200 homes on former Saltings gasworks site",
        .subtitle = "A third will be for social rent, but neighbours fear the roads and the "
                    "primary school cannot cope",
        .excerpt = "After a meeting that ran past eleven o’clock, the planning committee voted "
                   "seven to four for the largest housing scheme the city has seen in a "
                   "generation.",
        .body_md = "Northgate’s planning committee last night approved 1,200 homes on the "
                   "former gasworks site in the Saltings, ending six years of argument over the "
                   "largest stretch of empty land in the city.\n\n"
                   "The scheme, put forward by Marrick Street Developments with the council’s "
                   "own housing company, Northgate Homes, includes 400 homes for social rent, a "
                   "primary school, a health centre and a park along the old dock wall. Work to "
                   "clean up the ground, which held coal gas holders for more than a century, "
                   "is expected to start within a year.\n\n"
                   "Councillors voted seven to four after a meeting that ran past eleven "
                   "o’clock, with more than 80 residents in the public gallery of the Council "
                   "House in Tollgate.\n\n"
                   "## “We have waited long enough”\n\n"
                   "Councillor Peter Szabo, who chairs the Committee on Housing and Planning, "
                   "said the city could not afford another decade of fences around empty land. "
                   "“There are 4,300 households on the waiting list for a council home in "
                   "Northgate,” he said. “Every one of them is in a flat that is too small, too "
                   "damp or too expensive. This scheme will not solve that on its own, but it "
                   "is the biggest single step we can take.”\n\n"
                   "Objectors, most of them from the terraced streets between the site and Quay "
                   "Road, told the committee they supported new homes but feared that roads, "
                   "drains and school places would be overwhelmed.\n\n"
                   "> “We are not against anyone moving here. We are against pretending that "
                   "one road in and one road out is enough for three thousand more people.”\n\n"
                   "That was how Maureen Driscoll, 71, who has lived on Anchor Street for 44 "
                   "years, put it to the committee. Several speakers said they had learned of "
                   "the final plans only from a notice tied to a lamp post.\n\n"
                   "## The conditions\n\n"
                   "The permission comes with 38 conditions. The most important are:\n\n"
                   "1. The primary school must open before the 500th home is occupied.\n"
                   "2. A new junction onto Quay Road and a bus link to Tollgate must be "
                   "finished in the first phase.\n"
                   "3. The developer must pay £6.2 million towards a flood barrier on the "
                   "Saltings foreshore.\n"
                   "4. Soil and groundwater will be monitored for ten years after the last home "
                   "is finished.\n\n"
                   "The Civic Alliance group, which voted against, said buildings of up to "
                   "eight storeys near the water were out of keeping with the neighbourhood. "
                   "Its planning spokesperson, Councillor Rhys Morgan, said the group would ask "
                   "the full council to review the decision, although officers said it had no "
                   "power to overturn it.\n\n"
                   "A spokesperson for Marrick Street Developments said the first residents "
                   "could move in within three years. The Saltings Tenants’ Association, which "
                   "has campaigned for social housing on the site since the gasworks closed, "
                   "called the vote “a good day, if a late one”.\n\n",
        .authors = {"lena-park"},
        .tags = {"Housing", "City Council", "The Saltings"},
        .days_ago = 3,
        .hour = 8,
        .image = true,
        .image_alt = SCENE_DAWN_GREY_SEA,
        .image_caption =
            "The former gasworks site looks out over the Saltings foreshore, where the "
            "developer will help pay for a flood barrier.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "business/harbour",
        .slug = "brennet-channel-deepening-confirmed",
        .title = "Harbour Board confirms £48m plan to deepen the Brennet channel",
        .subtitle = "Larger container ships could reach Eastbank within three years, but "
                    "fishermen want guarantees for the estuary",
        .excerpt = "Dredgers will remove almost two million cubic metres of silt from the "
                   "estuary in the biggest engineering project at the port since the 1970s.",
        .body_md = "The Northgate Harbour Board has confirmed a £48 million plan to deepen the "
                   "navigation channel of the Brennet estuary, allowing the largest container "
                   "ships now in service to reach the Eastbank terminal at any state of the "
                   "tide.\n\n"
                   "The board’s decision, taken at a meeting this morning, follows two years of "
                   "surveys and a public inquiry. Dredging is due to begin next spring and take "
                   "about fourteen months. The channel will be deepened by 2.4 metres over a "
                   "length of eleven kilometres, from the harbour mouth to the terminal’s new "
                   "berth.\n\n"
                   "Alastair Venn, the board’s chief executive, said the port had no choice. "
                   "“Ships have doubled in size in twenty years,” he said. “Today the biggest "
                   "of them wait off Carra Point for the tide, or they go somewhere else. Every "
                   "ship that goes somewhere else takes work away from Eastbank.”\n\n"
                   "## Who pays\n\n"
                   "The board will pay £30 million from its reserves and a loan, and the "
                   "Brenmoor Regional Assembly has promised £18 million on condition that the "
                   "port keeps its existing jobs for at least ten years. The port employs about "
                   "2,900 people directly, and the board estimates that another 6,000 jobs in "
                   "the region depend on it.\n\n"
                   "## Worries on the water\n\n"
                   "The plan has been opposed by the Old Quay Fishermen’s Association, whose "
                   "members work the mussel beds on the estuary’s northern shore. The "
                   "association’s chair, Colm Brady, said the board’s promises about silt were "
                   "not enough.\n\n"
                   "> “We have heard that nothing will change before. The last time they "
                   "dredged, we lost two seasons of mussels and nobody paid us a penny.”\n\n"
                   "Under the licence granted after the inquiry, the silt must be taken to a "
                   "licensed disposal site twelve miles offshore rather than dumped near the "
                   "estuary mouth. The Brenmoor Institute of Marine Science at Carra Bay will "
                   "monitor water quality and the mussel beds throughout the work, and publish "
                   "its readings every week.\n\n"
                   "The board has also agreed to set up a compensation fund of £1.5 million for "
                   "fishermen who can show losses caused by the dredging. Brady said the "
                   "association would take legal advice on whether the fund was large "
                   "enough.\n\n"
                   "Friends of the Brennet, a conservation group, said it would watch closely "
                   "for any effect on the wading birds that feed on the mudflats below Holm "
                   "Ferry, which are protected. The board says the work on that stretch will be "
                   "done outside the months when the birds are present.\n\n",
        .authors = {"tomas-lindqvist"},
        .tags = {"Harbour", "Shipping", "River Brennet", "Fishing"},
        .days_ago = 4,
        .hour = 11,
        .image = true,
        .image_alt = SCENE_DUSK_ESTUARY,
        .image_caption =
            "The Brennet estuary, where the navigation channel will be deepened by 2.4 "
            "metres over eleven kilometres.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "business/work",
        .slug = "harbour-workers-night-shift-safety",
        .title = "Harbour workers call for urgent talks on night-shift safety at Eastbank",
        .subtitle = "Statement by the Northgate Harbour Workers’ Union after a crane operator "
                    "was injured at the container terminal",
        .excerpt = "The union sets out six demands, including a second signaller on every night "
                   "crane and an independent review of lighting on the quay.",
        .body_md = "The Northgate Harbour Workers’ Union makes the following statement after a "
                   "crane operator was seriously injured at the Eastbank Container Terminal "
                   "during the night shift earlier this week. Our colleague is in Northgate "
                   "General Hospital. We have spoken with the family, who have asked for "
                   "privacy, and we ask everyone to respect that.\n\n"
                   "This was not an isolated accident. Since the terminal moved to "
                   "round-the-clock working, our safety representatives have reported 23 near "
                   "misses on the night shift, against nine on the day shift, although far "
                   "fewer people work at night. Almost all of them involved poor lighting, lone "
                   "working or fatigue at the end of long rosters.\n\n"
                   "We have raised each of these reports with the terminal management and with "
                   "the Harbour Board. Many of them are still marked as “under review”.\n\n"
                   "Night work at Eastbank has grown quickly. Three years ago the terminal ran "
                   "two night shifts a week; today it runs seven, and about 400 of our members "
                   "work nights regularly. The rosters, the lighting and the staffing on the "
                   "quay have not kept pace with that change.\n\n"
                   "## What we are asking for\n\n"
                   "1. Talks between the union, the terminal management and the Northgate "
                   "Harbour Board within seven days, chaired by someone independent of all "
                   "three.\n"
                   "2. A second signaller on every crane working between 10pm and 6am, starting "
                   "immediately.\n"
                   "3. An independent review of lighting on the quay and in the stacking yard, "
                   "with the report published in full.\n"
                   "4. No shift longer than ten hours, and no worker rostered for more than "
                   "four nights in a row.\n"
                   "5. A written answer to every outstanding near-miss report from the past "
                   "year.\n"
                   "6. Full pay for our injured colleague for as long as it takes to recover, "
                   "without conditions.\n\n"
                   "We do not want a dispute. Our members want to go to work and come home "
                   "again, as everyone does. If the talks we ask for do not take place, the "
                   "union’s executive will meet to consider what further steps to take, and we "
                   "will consult our members at Eastbank before any decision is made.\n\n"
                   "We thank the terminal’s first-aid team and the crews of the ambulance "
                   "service, who reached our colleague within minutes.\n\n",
        .signature = "Declan Moss, General Secretary\nNorthgate Harbour Workers’ Union",
        .statement_days_before = 1,
        .authors = {"harbour-workers-union"},
        .tags = {"Harbour", "Jobs", "Shipping"},
        .days_ago = 0,
        .hour = 14,
        .image = true,
        .image_alt = SCENE_MOON_SEA,
        .image_caption = "The union says most near misses at the Eastbank terminal happen on the "
                         "night shift.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/region",
        .slug = "holm-ferry-flood-defences-hold",
        .title = "Holm Ferry’s flood defences hold as the Brennet reaches a 40-year high",
        .subtitle = "The river peaked eleven centimetres below the top of the new wall, and the "
                    "town stayed dry",
        .excerpt = "A little over a year after the last flood, the £19m wall and gates that now "
                   "separate the town from its river passed their first real test.",
        .body_md = "The River Brennet rose to its highest level in forty years at Holm Ferry in "
                   "the early hours of yesterday morning, but the town’s new flood defences "
                   "held and no homes were flooded.\n\n"
                   "The river peaked at 5.82 metres on the gauge by the old ferry steps shortly "
                   "after 3am, eleven centimetres below the top of the permanent wall finished "
                   "three months ago. Fourteen months ago, at a lower level, the river poured "
                   "over the temporary barriers that stood in its place and into more than 300 "
                   "homes and shops in the town centre.\n\n"
                   "Residents who had moved furniture upstairs and sandbagged their doors spent "
                   "the night watching the river through the glass panels set into the wall "
                   "along Riverside Walk.\n\n"
                   "“I didn’t sleep. Nobody on this street slept,” said Gwen Harker, 63, whose "
                   "bakery on Bridge Street was under a metre of water last time. “At two "
                   "o’clock it was lapping the glass, and you think, this is it. Then it just "
                   "stopped.”\n\n"
                   "## Two days of rain\n\n"
                   "The Regional Water Authority, which manages the defences, said more than "
                   "two months’ rain had fallen on the hills above Dunholt in 48 hours, on "
                   "ground already soaked by a wet month. The authority closed the flood gates "
                   "at the bridge and the slipway on the evening before the peak and had pumps "
                   "running at the Mill Lane outfall through the night.\n\n"
                   "Its chief executive, Dr Ines Falk, said the defences had done “exactly what "
                   "they were built to do”, but warned that they had been designed with little "
                   "room to spare.\n\n"
                   "> “Eleven centimetres is not a comfortable margin. The climate projections "
                   "we used when we designed this wall already look cautious. We will need to "
                   "talk to Holm Ferry honestly about what comes next.”\n\n"
                   "## Downstream\n\n"
                   "Lower down the valley, the river burst its banks across farmland near "
                   "Wendle Green, and the road between Holm Ferry and Stannick was closed for "
                   "most of the day. Brenmoor Police said two drivers had been helped from cars "
                   "that stalled in floodwater near Fenner’s Bridge. Neither was hurt.\n\n"
                   "In Northgate the high tide passed without incident, and the barrier on the "
                   "Saltings foreshore was not needed. The authority said river levels would "
                   "fall steadily over the next two days, and the flood warning for Holm Ferry "
                   "was downgraded to an alert last night.\n\n",
        .authors = {"siobhan-mccarthy"},
        .tags = {"Flooding", "River Brennet", "Weather", "Water"},
        .days_ago = 1,
        .hour = 7,
        .image = true,
        .image_alt = SCENE_STORM_RIVER,
        .image_caption =
            "The Brennet peaked eleven centimetres below the top of Holm Ferry’s flood "
            "wall in the early hours of yesterday morning.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "news/city",
        .slug = "harbour-festival-public-safety-statement",
        .title = "Public safety during the Harbour Festival",
        .subtitle = "Statement by the Committee on Security on road closures, crowd limits and "
                    "the fireworks on Old Quay",
        .excerpt = "The committee sets out the arrangements agreed with Brenmoor Police, the "
                   "fire and rescue service and the festival’s organisers.",
        .body_md = "The Committee on Security of Northgate City Council has agreed the safety "
                   "arrangements for this year’s Harbour Festival with Brenmoor Police, "
                   "Brenmoor Fire and Rescue Service, the ambulance service, the Northgate "
                   "Harbour Board and the festival’s organisers.\n\n"
                   "More than 120,000 people visited the festival over its three days last "
                   "year, and on the night of the fireworks the quayside became dangerously "
                   "crowded for about forty minutes. We have studied what happened that night "
                   "with the police and the organisers, and this year’s plans reflect what we "
                   "learned.\n\n"
                   "## The arrangements\n\n"
                   "1. Quay Road, Harbour Street and the Mariners’ Steps will be closed to "
                   "traffic from 10am on the first day of the festival until 2am after the last "
                   "night.\n"
                   "2. Entry to Old Quay on the night of the fireworks will be limited to "
                   "18,000 people at a time, counted at four entrances. When the limit is "
                   "reached, stewards will direct visitors to the viewing areas at Westcliff "
                   "and Harbourside, where the fireworks can be seen in full.\n"
                   "3. A one-way system will apply on the Mariners’ Steps from 8pm. The steps "
                   "will be open for people leaving the quay only.\n"
                   "4. Medical teams will be based at the fish market and at the ferry "
                   "terminal, and a lost children’s point will be staffed at the harbour "
                   "master’s office throughout.\n"
                   "5. Trams on line 1 will run every five minutes until 1am. Extra buses will "
                   "leave Tollgate for Fennick, Kettle Hill and Eastbank until 1.30am.\n"
                   "6. Glass will not be allowed on the quayside. Licensed premises on Old Quay "
                   "have agreed to serve drinks in plastic cups on all three nights.\n\n"
                   "We know that closures cause inconvenience to people who live and work "
                   "around the harbour. Residents of Quay Road and Harbour Street will receive "
                   "passes for their vehicles by post, and the council’s events team can be "
                   "reached on 01632 960 118 throughout the festival.\n\n"
                   "The festival is one of the best things about this city. We want everyone "
                   "who comes to enjoy it, and to get home safely.\n\n",
        .signature = "Councillor Amina Rahal, Chair\nCommittee on Security, Northgate City Council",
        .statement_days_before = 0,
        .authors = {"committee-on-security"},
        .tags = {"Festivals", "Policing", "City Council", "Transport"},
        .days_ago = 2,
        .hour = 16,
        .image = true,
        .image_alt = SCENE_RED_SUN_SEA,
        .image_caption =
            "Entry to Old Quay will be limited to 18,000 people at a time on the night "
            "of the fireworks.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "politics/council",
        .slug = "council-budget-gap-14m",
        .title = "Council leader warns of £14m gap as budget talks begin",
        .subtitle = "Miriam Okafor says no service is off the table, but promises to protect "
                    "libraries and the bus pass",
        .excerpt = "Rising costs of care for children and older people account for most of the "
                   "shortfall, according to figures published by the council’s finance team.",
        .body_md = "Northgate City Council faces a gap of £14 million in next year’s budget, "
                   "its leader said yesterday, warning that every department would be asked to "
                   "find savings before councillors vote on the budget in three months’ "
                   "time.\n\n"
                   "Councillor Miriam Okafor, who leads the Common Ground group that runs the "
                   "council, told a meeting of the cabinet that the gap was “the hardest we "
                   "have faced since I was elected”, and that the council could not cover it "
                   "from its reserves for a second year running.\n\n"
                   "Figures published alongside the cabinet papers show that the cost of care "
                   "for children has risen by £6.8 million in a year, largely because of the "
                   "price of places in private children’s homes, and that care for older and "
                   "disabled adults will cost £4.1 million more. Energy, insurance and pay make "
                   "up most of the rest.\n\n"
                   "## Where the axe could fall\n\n"
                   "Officers have been asked to draw up options covering every service the "
                   "council runs. Okafor said two would be protected: the city’s eleven "
                   "libraries, whose opening hours were restored after a campaign by readers, "
                   "and the free bus pass for residents over 66.\n\n"
                   "“I will not balance this budget on the people who have least,” she said. "
                   "“But I am not going to pretend to anyone that we can find fourteen million "
                   "pounds without it being felt.”\n\n"
                   "The cabinet member for finance, Councillor Deborah Quayle, said the council "
                   "would consult residents on the options in the new year. She said that any "
                   "increase in council tax above the limit set by the Regional Assembly would "
                   "need a local referendum, which the council does not intend to hold.\n\n"
                   "## Opposition calls for an audit\n\n"
                   "The leader of the Civic Alliance opposition, Councillor Graham Tulloch, "
                   "said the council had known about the rising cost of children’s care for "
                   "three years and done too little about it.\n\n"
                   "> “The council spends more on agency staff than any council of its size in "
                   "the region. Before it closes a single swimming pool it should publish what "
                   "it pays consultants and agencies, line by line.”\n\n"
                   "The Green List group said it would propose a levy on the largest car parks "
                   "in Tollgate and Harbourside, which it estimates could raise £2 million a "
                   "year.\n\n"
                   "The trade unions representing council staff said they would resist "
                   "compulsory redundancies. The council employs about 7,400 people, not "
                   "including teachers.\n\n"
                   "Draft proposals will be published in six weeks, and the full council will "
                   "set the budget and the level of council tax at its meeting in the "
                   "spring.\n\n",
        .authors = {"farid-haddad"},
        .tags = {"City Budget", "City Council"},
        .days_ago = 16,
        .hour = 9,
        .image = true,
        .image_alt = SCENE_OVERCAST_HILLS,
        .image_caption = "Councillors will set next year’s budget and council tax in the spring.",
        .image_credit = CREDIT,
    },
    {
        .kind = "opinion",
        .section_path = "opinion/columns",
        .slug = "harbour-built-this-city",
        .title = "The harbour built this city. It still owes the Saltings a debt",
        .subtitle = "Bigger ships are good news for Eastbank. The people who live beside the "
                    "water deserve more than a share of the silt",
        .excerpt = "Every generation of this city has been promised that what is good for the "
                   "port is good for Northgate. Sometimes it has even been true.",
        .body_md = "My grandfather unloaded timber at the Saltings wharf for forty-one years. "
                   "He used to say that the harbour gave Northgate everything it had and took "
                   "back most of it when nobody was looking. I thought of him this week when "
                   "the Harbour Board confirmed its plan to deepen the Brennet channel.\n\n"
                   "Let me say first that I think the board is right. Ships have grown, and a "
                   "port that cannot take them will slowly die. Nearly three thousand people "
                   "work directly for the port, and thousands more in the haulage yards, the "
                   "cold stores and the repair shops along Eastbank. I taught many of their "
                   "children. I would not wish on them what happened to the shipyards in the "
                   "1980s.\n\n"
                   "But I have lived in this city long enough to know how the sums are usually "
                   "done. The benefits of the port are counted in tonnes and jobs and shown on "
                   "a chart at the Assembly. The costs are counted, if at all, by the people "
                   "who live closest to the water.\n\n"
                   "## A city with its back to the sea\n\n"
                   "The Saltings was built on marshland to house the families who worked the "
                   "docks. When the docks moved downstream to Eastbank, the estate was left "
                   "with the gasworks, the lorries and the flood risk, and without the work. It "
                   "took the council more than twenty years to decide what to do with the "
                   "gasworks site, and it decided this week. I hope the new homes are built "
                   "quickly and well. I also hope nobody thinks that settles the account.\n\n"
                   "The dredging will churn up the estuary for more than a year. The board has "
                   "promised that the silt will go twelve miles out to sea, that the mussel "
                   "beds will be watched, that a fund will compensate fishermen. I believe the "
                   "people who made those promises mean them. I also remember the last time the "
                   "channel was dredged, when the promises were similar and the mussel beds "
                   "took years to recover.\n\n"
                   "## What the board could do\n\n"
                   "So here is a modest proposal. The board is a trust port: it has no "
                   "shareholders, and it exists, in the words of its own charter, “for the "
                   "benefit of the port and the people of Northgate”. It could put a small part "
                   "of the port’s income, every year, into the streets around the old docks: "
                   "the sea wall at the Saltings, the footpaths to the foreshore, the community "
                   "centre on Anchor Street that floods every other winter.\n\n"
                   "That would not be charity. It would be the port paying rent to the city "
                   "that gave it a harbour in the first place. My grandfather would have called "
                   "it settling up. I would call it about time.\n\n",
        .authors = {"margaret-hale"},
        .tags = {"Harbour", "The Saltings", "Housing"},
        .days_ago = 2,
        .hour = 7,
        .image = true,
        .image_alt = SCENE_LOW_SUN_HILLS_SEA,
        .image_caption = "Margaret Hale: the port should pay its way in the streets closest to the "
                         "water.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "culture/books",
        .slug = "lamplighters-wins-brenmoor-prize",
        .title = "A novel of the Saltings wins this year’s Brenmoor Prize",
        .subtitle = "Nadia Kerr’s The Lamplighters, written in the evenings after shifts at a "
                    "care home, beat five other books to the region’s main literary award",
        .excerpt = "The judges called it “a book that knows exactly where it is standing”.",
        .body_md = "Nadia Kerr, a care worker who wrote her first novel at her kitchen table in "
                   "the Saltings, has won the Brenmoor Prize for fiction with The Lamplighters, "
                   "a story of three generations of one family on the estate where she grew "
                   "up.\n\n"
                   "The prize, worth £10,000, was announced last night at a dinner at the Corn "
                   "Exchange. Kerr, 38, thanked her colleagues at the care home in Fennick “for "
                   "swapping shifts so I could come tonight, and for not asking too often how "
                   "the book was going”.\n\n"
                   "## A book about the estate\n\n"
                   "The Lamplighters follows the Quinlans from the year the Saltings estate was "
                   "built on reclaimed marshland to the closing of the gasworks, told in turn "
                   "by a grandmother who worked at the gasworks canteen, her son, a docker, and "
                   "his daughter, who leaves for the university and keeps coming back.\n\n"
                   "The chair of the judges, the poet and translator Idris Makonnen, said the "
                   "panel had reached a unanimous decision in under an hour.\n\n"
                   "> “It is a book that knows exactly where it is standing. It is funny, it is "
                   "furious, and it never once looks down on the people it is about. Half of us "
                   "were in tears by the end, and the other half were pretending not to be.”\n\n"
                   "Kerr wrote the novel over six years, mostly between ten at night and one in "
                   "the morning. She sent it to fourteen publishers before it was taken on by "
                   "Tidewater Press, a small publisher based in Old Quay that prints about "
                   "eight books a year.\n\n"
                   "“I nearly gave up after the tenth,” she said. “My daughter told me that if "
                   "I stopped at ten I would always wonder about the eleventh. She was right, "
                   "which she reminds me about most days.”\n\n"
                   "## The shortlist\n\n"
                   "The other books on this year’s shortlist were Ferryman, a first collection "
                   "of poems by Carys Lloyd; The Winter Count, a historical novel by Tomasz "
                   "Wrona set in the herring fleet; Low Water, a memoir of the Holm Ferry "
                   "floods by Ann Marlow; and two novels from Stannick writers, Arthur "
                   "Penhale’s The Cattle Road and Grace Obi’s Small Hours.\n\n"
                   "Tidewater Press said it had ordered a second printing of 5,000 copies this "
                   "morning. Kerr will read from The Lamplighters at Northgate Central Library "
                   "on Chandler Street and at the Saltings community centre on Anchor Street "
                   "later this month; both events are free.\n\n",
        .authors = {"daniel-osei"},
        .tags = {"Books", "The Saltings"},
        .days_ago = 4,
        .hour = 18,
        .image = true,
        .image_alt = SCENE_SUNSET_DARK_HILLS,
        .image_caption = "The Lamplighters was written over six years, mostly late at night.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "news/city",
        .slug = "eastbank-boil-water-notice-lifted",
        .title = "Boil-water notice lifted for Eastbank",
        .subtitle = "Statement by the Regional Water Authority on drinking water in Eastbank and "
                    "parts of the Saltings",
        .excerpt = "Tap water in the affected streets is safe to drink again, the authority "
                   "says, after three days of tests came back clear.",
        .body_md = "The Regional Water Authority has lifted the notice asking residents of "
                   "Eastbank and parts of the Saltings to boil their tap water before drinking "
                   "it. The water in all affected streets is now safe to drink, to use for "
                   "cooking and to give to babies, without boiling.\n\n"
                   "The notice was issued after routine tests at the Eastbank service reservoir "
                   "found bacteria that should not be present in treated water. We traced the "
                   "cause to a damaged hatch on the reservoir roof, through which rainwater had "
                   "entered after last week’s storms. The hatch has been replaced, the "
                   "reservoir has been cleaned and disinfected, and every sample taken in the "
                   "area over the past three days has been clear.\n\n"
                   "## What residents should do now\n\n"
                   "1. Run the cold tap in the kitchen for two minutes before using the water, "
                   "to clear the pipes in your home.\n"
                   "2. Empty and clean any jugs, filters or ice trays that were filled with "
                   "unboiled water while the notice was in force.\n"
                   "3. Follow the maker’s instructions for flushing water softeners, coffee "
                   "machines and fridge dispensers.\n"
                   "4. If your water looks cloudy or tastes unusual after you have run the tap, "
                   "call us on 01632 960 250 at any time of day or night.\n\n"
                   "## Compensation\n\n"
                   "Every household and business covered by the notice will receive a payment "
                   "of £60 on its next bill. You do not need to apply. Customers who had to buy "
                   "bottled water for medical reasons may claim the cost in addition, by "
                   "writing to us with receipts or a short description of what they bought.\n\n"
                   "## Our apology\n\n"
                   "We are sorry for the disruption this has caused to about 14,000 households, "
                   "to schools and to businesses in the area. We are particularly grateful to "
                   "the volunteers at the Eastbank and Saltings community centres who helped us "
                   "deliver bottled water to residents who could not collect it from the "
                   "distribution points.\n\n"
                   "We have ordered an inspection of the roof hatches at all 38 of our service "
                   "reservoirs, to be completed within a month, and we will publish the "
                   "results.\n\n",
        .signature = "Dr Ines Falk, Chief Executive\nRegional Water Authority",
        .statement_days_before = 0,
        .authors = {"regional-water-authority"},
        .tags = {"Water", "Health", "The Saltings"},
        .days_ago = 6,
        .hour = 12,
        .image = false,
    },
    {
        .kind = "news",
        .section_path = "news/city",
        .slug = "kettle-hill-tram-consultation",
        .title = "Tram extension to Kettle Hill: what the consultation found",
        .subtitle = "Most residents want the line, but a third of the people living on its route "
                    "do not want it outside their door",
        .excerpt = "The council received 6,212 responses, more than for any consultation in its "
                   "history.",
        .body_md = "Seven in ten people who took part in the consultation on extending the tram "
                   "to Kettle Hill support the plan, according to the results published by the "
                   "city council yesterday. But support falls sharply among those who live on "
                   "the proposed route along Castle Rise and Beacon Road.\n\n"
                   "The council received 6,212 responses, more than for any consultation in its "
                   "history. Overall, 71 per cent of respondents backed an extension of line 2 "
                   "from Tollgate to a new terminus at Kettle Hill, with stops at Millbrook "
                   "Park, the university and Beacon Road. Among respondents living within 200 "
                   "metres of the route, the figure was 52 per cent, and 34 per cent were "
                   "opposed.\n\n"
                   "## Parking and trees\n\n"
                   "The most common objections concerned the loss of on-street parking on "
                   "Castle Rise, where the tracks would take up most of the road, and the "
                   "felling of 46 lime trees on Beacon Road. A petition to save the trees has "
                   "gathered more than 3,000 signatures.\n\n"
                   "Hannah Wilde, who lives on Beacon Road and started the petition, said she "
                   "supported the tram in principle. “The trees were planted by people who "
                   "lived here a hundred years ago, for the people who live here now. I don’t "
                   "believe there is no other way to lay two rails.”\n\n"
                   "Council officers have said that realigning the route to save the trees "
                   "would add about £9 million to the cost and move the stop further from the "
                   "houses at the top of the hill.\n\n"
                   "## The case for the line\n\n"
                   "Kettle Hill is the largest part of the city without a tram or a frequent "
                   "bus service. At present the 14 and 14A buses take up to 40 minutes to reach "
                   "Tollgate at rush hour. The council’s consultants estimate the tram would "
                   "make the same journey in 17 minutes and carry 9,000 passengers a day.\n\n"
                   "The university, whose main campus at Millbrook would gain a stop, said in "
                   "its response that the line would remove about 1,400 car journeys a day from "
                   "the hill.\n\n"
                   "Councillor Sunita Bains, the cabinet member for transport, said the council "
                   "would publish a revised design before the summer.\n\n"
                   "> “We have listened, and we will change things. The question of the trees "
                   "is a real one and we will answer it properly. What I do not want is for a "
                   "good scheme to die of small cuts.”\n\n"
                   "The estimated cost of the extension is £186 million, of which the council "
                   "hopes the Regional Assembly will pay three quarters under the new regional "
                   "transport fund. A decision on funding is not expected for at least a "
                   "year.\n\n",
        .authors = {"lena-park"},
        .tags = {"Transport", "City Council", "University"},
        .days_ago = 8,
        .hour = 10,
        .image = true,
        .image_alt = SCENE_NOON_HILLS,
        .image_caption =
            "Kettle Hill is the largest part of Northgate without a tram or a frequent "
            "bus service.",
        .image_credit = CREDIT,
    },
    {
        .kind = "opinion",
        .section_path = "opinion/columns",
        .slug = "courier-view-kettle-hill-tram",
        .title = "The Courier’s view: Kettle Hill needs the tram, and the council must say "
                 "how it will pay for it",
        .subtitle = "A good scheme is not enough. Residents are owed a straight answer about the "
                    "money",
        .excerpt = "The consultation shows real support for the extension. It also shows how "
                   "quickly that support could drain away.",
        .body_md = "The results of the consultation on extending the tram to Kettle Hill, "
                   "published this week, are about as good as any council could hope for. Seven "
                   "in ten respondents want the line. Even among the people who would have "
                   "trams running past their front gardens, more are for it than against. In a "
                   "city that argues about everything, that is close to a mandate.\n\n"
                   "This newspaper supports the extension, and has done since it was first "
                   "proposed. Kettle Hill has grown by a third in twenty years and is served by "
                   "buses that crawl down Castle Rise in a queue of cars. The university at "
                   "Millbrook needs a way to bring students and staff in that does not involve "
                   "a car park the size of a village. A tram would do both, and would do it for "
                   "decades.\n\n"
                   "## The trees are a fair question\n\n"
                   "The council should take the objections seriously, starting with the lime "
                   "trees on Beacon Road. The petition to save them is not the work of people "
                   "who oppose the tram; most of those who signed it say they support it. "
                   "Officers put the cost of an alternative route at £9 million. That is a "
                   "great deal of money, but it is five per cent of the scheme, and the council "
                   "should publish how the figure was reached before it asks anyone to accept "
                   "it.\n\n"
                   "## The money is the bigger one\n\n"
                   "The larger problem is one the consultation did not ask about. The extension "
                   "would cost £186 million. The council hopes the Regional Assembly will pay "
                   "three quarters of that. It has no promise that it will, and the Assembly’s "
                   "transport fund is already being chased by every town in Brenmoor. The "
                   "council’s own share, some £46 million, would have to be borrowed at a time "
                   "when it is looking for £14 million of savings in a single year.\n\n"
                   "None of that is a reason to give up. It is a reason to be straight with "
                   "people. Residents of Kettle Hill have been shown drawings of trams under "
                   "blossom for five years. They deserve to know, before the next consultation, "
                   "what the council will do if the Assembly says no or says not yet: whether "
                   "it would build a shorter line, borrow more, or wait.\n\n"
                   "Good schemes die of vagueness more often than opposition. The council has "
                   "the public on its side. It should not spend that goodwill on promises it "
                   "cannot yet keep.\n\n",
        .authors = {"ruth-adeyemi"},
        .tags = {"Transport", "City Budget", "City Council"},
        .days_ago = 9,
        .hour = 6,
        .image = false,
    },
    {
        .kind = "news",
        .section_path = "business/economy",
        .slug = "brennet-valley-dairy-stannick-plant",
        .title = "Brennet Valley Dairy to build £22m plant at Stannick, creating 140 jobs",
        .subtitle = "The farmer-owned co-operative will make cheese and butter from milk that is "
                    "now trucked out of the region",
        .excerpt = "Its 310 member farms currently send almost half their milk more than a "
                   "hundred miles to be processed.",
        .body_md = "Brennet Valley Dairy, the co-operative owned by 310 farms in the region, is "
                   "to build a £22 million processing plant on the edge of Stannick, creating "
                   "about 140 jobs.\n\n"
                   "The plant, on the site of the town’s former livestock market, will turn up "
                   "to 180 million litres of milk a year into cheese, butter and cream. At "
                   "present almost half the milk produced by the co-operative’s members is "
                   "taken by tanker more than a hundred miles to be processed outside the "
                   "region.\n\n"
                   "The dairy’s chief executive, Morag Ellison, said the decision to build had "
                   "been taken after prices paid to farmers fell for the third year in a row. "
                   "“Every litre that leaves the valley takes its value with it,” she said. “We "
                   "want the cheese to be made where the grass grows, by people who live "
                   "here.”\n\n"
                   "## Jobs and training\n\n"
                   "About 140 people will work at the plant when it is running at full "
                   "capacity, most of them on production lines and in the laboratory and "
                   "warehouse. The co-operative has agreed with Brenmoor College to run a "
                   "course in dairy technology at its Stannick campus, with the first students "
                   "starting a year before the plant opens.\n\n"
                   "The project has received a grant of £3.5 million from the Regional "
                   "Assembly’s rural investment fund. The rest will be paid for by a bank loan "
                   "and by a levy on members’ milk that the farmers approved by a large "
                   "majority at the co-operative’s annual meeting.\n\n"
                   "## A boost for the town\n\n"
                   "Stannick has lost more than 400 jobs in five years, including the closure "
                   "of its animal feed mill and the relocation of a call centre to Northgate. "
                   "The town’s mayor, Councillor Brian Haig, said the announcement was “the "
                   "best news Stannick has had in a decade”.\n\n"
                   "Some residents of Market Lane, which runs beside the site, have raised "
                   "concerns about lorry traffic. The co-operative said tankers would use a new "
                   "access road from the bypass and would not pass through the town centre.\n\n"
                   "Farmers who spoke to the Courier said the plant could make the difference "
                   "between staying in dairy and selling their herds. “We milk 140 cows above "
                   "Dunholt, and my son wants to carry on,” said Ewan Carrick, a member of the "
                   "co-operative for thirty years. “This gives him a reason to.”\n\n"
                   "Building work is expected to begin later this year, subject to planning "
                   "permission, and the plant should open in about two years.\n\n",
        .authors = {"priya-raman"},
        .tags = {"Jobs", "Farming", "Small Business"},
        .days_ago = 12,
        .hour = 9,
        .image = true,
        .image_alt = SCENE_DAWN_HILLS,
        .image_caption = "The co-operative’s member farms stretch from the Brennet valley to the "
                         "hills above Dunholt.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "politics/elections",
        .slug = "kettle-hill-by-election-campaign",
        .title = "Kettle Hill by-election: five candidates, one tram line and a lot of "
                 "doorsteps",
        .subtitle = "The council seat left vacant by the death of Councillor Ken Ashby is the "
                    "first real test of the city’s parties since the last elections",
        .excerpt = "Every candidate says the tram. Not every candidate means the same thing by "
                   "it.",
        .body_md = "Five candidates are standing in the Kettle Hill by-election, which will be "
                   "held in a fortnight to fill the seat on the city council left vacant by the "
                   "death of Councillor Ken Ashby, who had represented the ward for eighteen "
                   "years.\n\n"
                   "Ashby, an independent, was one of the best known figures in city politics "
                   "and won his last election with more than half the vote. Without him, the "
                   "ward is open, and the result will be read as a measure of how the council’s "
                   "Common Ground administration is doing two years before the next full "
                   "elections.\n\n"
                   "## The candidates\n\n"
                   "- **Common Ground** has chosen Leila Farouk, a pharmacist who runs the "
                   "chemist’s on Beacon Road.\n"
                   "- **Civic Alliance** is standing Martin Greaves, a former police inspector "
                   "and chair of the Kettle Hill residents’ association.\n"
                   "- **The Green List** has selected Owen Pryce, a lecturer in engineering at "
                   "the university.\n"
                   "- **Northgate Independents** is standing Ashby’s former election agent, "
                   "Patricia Dunn.\n"
                   "- Callum Price is standing as an independent on a single pledge to scrap "
                   "parking charges at the district’s shopping parade.\n\n"
                   "## A campaign about the tram\n\n"
                   "On the doorsteps, the proposed extension of the tram up the hill dominates. "
                   "All five candidates say they support it. Farouk is defending the council’s "
                   "scheme and its timetable. Greaves says he backs the tram “but not at any "
                   "price” and wants the route changed to save the lime trees on Beacon Road. "
                   "Pryce wants work to start before the Assembly’s funding is confirmed. Dunn "
                   "says Ashby would have insisted on a referendum in the ward, and that she "
                   "will too.\n\n"
                   "Voters the Courier spoke to on the shopping parade this week were more "
                   "divided than the candidates. “I’ll believe in the tram when I’m sitting on "
                   "it,” said Graham Fell, 74, a retired bus driver. Amira Sayed, who commutes "
                   "to the hospital in St Anselm’s, said she would vote for whoever could get "
                   "it built soonest. “I spend an hour and a half a day on the 14. I don’t care "
                   "about the colour of the rosette.”\n\n"
                   "## Turnout\n\n"
                   "Turnout at city council by-elections has fallen below 25 per cent in three "
                   "of the last four contests. The council’s electoral services team said "
                   "postal vote applications in Kettle Hill were running well ahead of that "
                   "level, at just over 3,100.\n\n"
                   "Polls will be open from 7am to 10pm at six polling stations across the "
                   "ward, and the count will take place overnight at the Council House. The "
                   "Courier will report the result as soon as it is declared. Our earlier "
                   "reports on the tram extension are collected on our [transport "
                   "page](/tag/transport/).\n\n",
        .authors = {"farid-haddad"},
        .tags = {"Elections", "Transport", "City Council"},
        .days_ago = 0,
        .hour = 8,
        .image = true,
        .image_alt = SCENE_MORNING_RIVER,
        .image_caption = "Kettle Hill goes to the polls in a fortnight to replace a councillor who "
                         "held the seat for eighteen years.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "culture/music",
        .slug = "philharmonic-returns-corn-exchange",
        .title = "Northgate Philharmonic returns to a restored Corn Exchange",
        .subtitle = "After three years of building work, the orchestra played its first concert "
                    "in its old home to a sold-out hall",
        .excerpt = "The restoration has given the Victorian hall something it never had: "
                   "acoustics the orchestra’s players actually like.",
        .body_md = "The Northgate Philharmonic played to a full house at the Corn Exchange last "
                   "night for the first time in three years, as the city’s largest concert hall "
                   "reopened after a £31 million restoration.\n\n"
                   "The orchestra, which had spent the building work playing in churches, "
                   "school halls and a former tram depot in Eastbank, chose a programme that "
                   "its music director, Valentina Moreau, described as “a housewarming”: a new "
                   "piece by the Northgate-born composer Joseph Adebayo, a violin concerto and "
                   "a symphony of the kind the hall was built for.\n\n"
                   "## A hall rebuilt from the inside\n\n"
                   "The Corn Exchange was built in 1868 as a trading floor for grain merchants "
                   "and was converted into a concert hall after the war. Its glass roof, iron "
                   "columns and carved stone front have been repaired, but almost everything "
                   "inside has been rebuilt. The stage has been moved forward and raised, the "
                   "balconies have been reshaped, and the old seating has been replaced with "
                   "1,650 seats made in a workshop in Stannick.\n\n"
                   "Musicians have complained for decades that the hall swallowed the sound of "
                   "the strings and made the brass sound like a passing train. The acoustician "
                   "who led the redesign said the new hall had been tested with recordings, "
                   "computer models and, finally, with the orchestra itself.\n\n"
                   "> “The first rehearsal, you could see the violins looking at each other. "
                   "They could hear themselves for the first time. That is the whole point of a "
                   "hall.”\n\n"
                   "That was how the orchestra’s leader, Hye-jin Cho, described the first "
                   "rehearsal in the finished building.\n\n"
                   "## The new piece\n\n"
                   "Adebayo’s Tidal Measures, commissioned for the reopening, lasts about "
                   "fifteen minutes and uses recordings of ship horns, the fish market and the "
                   "foghorn at Carra Point, played through speakers hidden in the balconies. "
                   "The audience gave it a long standing ovation, although one listener in the "
                   "stalls was heard to say that he had come to get away from the foghorn.\n\n"
                   "The restoration was paid for by the city council, the Regional Assembly, a "
                   "heritage grant and more than 4,000 individual donors, whose names are "
                   "engraved on panels in the foyer. The hall will host about 180 events a "
                   "year, including the Philharmonic’s season, touring orchestras, folk and "
                   "jazz concerts and the Northgate Book Festival.\n\n"
                   "Tickets for the orchestra’s next concerts go on sale this week, with 200 "
                   "seats at every performance priced at £8 for people under 26.\n\n",
        .authors = {"daniel-osei"},
        .tags = {"Music", "Heritage"},
        .days_ago = 20,
        .hour = 19,
        .image = true,
        .image_alt = SCENE_SUNSET_DARK_HILLS,
        .image_caption = "The Corn Exchange reopened after a £31 million restoration.",
        .image_credit = CREDIT,
    },
    {
        .kind = "opinion",
        .section_path = "opinion/letters",
        .slug = "letters-ferry-ropewalk-library",
        .title = "Letters: the island ferry, the Ropewalk cycle lane, and a word for the "
                 "library",
        .subtitle = NULL,
        .excerpt = "Readers write about the winter ferry timetable, a cycle lane that stops "
                   "halfway, and a library that lent more than books.",
        .body_md = "## The ferry is not a luxury\n\n"
                   "Your report on the new winter timetable for the Skellan Isles ferry quoted "
                   "the operator as saying that demand “falls away” after the holiday season. "
                   "It does not fall away for those of us who live on the islands. It is the "
                   "same doctor’s appointment, the same hospital, the same secondary school for "
                   "our children, the same supermarket. Cutting the Tuesday and Thursday "
                   "evening sailings means a child at Northgate College cannot get home on "
                   "those days without staying overnight in the city. Visitors come and go. We "
                   "stay. The timetable should be written for the people who stay.\n\n"
                   "**Morven Tait**, Skellan Isles\n\n"
                   "## A cycle lane to nowhere\n\n"
                   "I welcome the new cycle lane on Ropewalk and use it every morning. I would "
                   "use it with more confidence if it did not end without warning at the "
                   "junction with Chandler Street, where I, and every other cyclist, am "
                   "delivered into the path of the number 9 bus. Could the council tell us "
                   "whether the rest of the lane is coming, and when? A cycle lane that stops "
                   "halfway is a bit like a bridge that stops halfway.\n\n"
                   "**Daniel Ferreira**, Millbrook\n\n"
                   "## What the library gave me\n\n"
                   "Reading that the council has promised to protect the city’s libraries in "
                   "the coming budget, I wanted to say why it matters. When I arrived in "
                   "Northgate nine years ago I spoke almost no English. Every Saturday for two "
                   "years I went to the conversation group at Eastbank library, run by "
                   "volunteers and by a librarian called Mrs Howarth who never once made me "
                   "feel slow. I now work as an interpreter at Northgate General Hospital. I "
                   "have never paid the library a penny and I owe it more than I can say.\n\n"
                   "**Farah Jalali**, Eastbank\n\n"
                   "## A correction, of sorts\n\n"
                   "Your obituary of Councillor Ken Ashby said he was first elected in a "
                   "by-election. He was in fact first elected at the full council elections, "
                   "after losing a by-election in the same ward the year before by eleven "
                   "votes. He told me more than once that those eleven votes were the best "
                   "thing that ever happened to him, because they taught him to knock on every "
                   "door. I think he would want that remembered.\n\n"
                   "**Jean Ashworth**, Kettle Hill\n\n"
                   "*Letters should be sent to letters@example.org or to the Letters Editor, "
                   "The Northgate Courier, 14 Chandler Street, Northgate. Please include your "
                   "full address; we publish only your name and district. Letters may be "
                   "shortened. More letters are on our [letters page](/opinion/letters/).*\n\n",
        .authors = {"ruth-adeyemi"},
        .tags = {"Ferries", "Transport", "Books"},
        .days_ago = 5,
        .hour = 6,
        .image = false,
    },
    {
        .kind = "statement",
        .section_path = "politics/council",
        .slug = "joint-statement-saltings-repairs",
        .title = "Joint statement on damp and repairs in Saltings estate homes",
        .subtitle = "Agreed by the Committee on Housing and Planning and the Saltings Tenants’ "
                    "Association after a public meeting on the estate",
        .excerpt = "The council and the tenants’ association set out a timetable for surveying "
                   "every home on the estate and repairing the worst within six months.",
        .body_md = "This statement is made jointly by the Committee on Housing and Planning of "
                   "Northgate City Council and the Saltings Tenants’ Association. It follows "
                   "the public meeting held at the Saltings community centre on Anchor Street, "
                   "attended by more than 300 residents, councillors and officers of Northgate "
                   "Homes.\n\n"
                   "At that meeting tenants described homes with black mould on bedroom walls, "
                   "windows that do not close, and repair requests left unanswered for months. "
                   "Several spoke of children with asthma that their doctors link to damp. We "
                   "accept that the standard of repairs on the estate has not been good enough, "
                   "and that tenants have been right to say so.\n\n"
                   "## What we have agreed\n\n"
                   "1. Every one of the estate’s 1,900 homes will be surveyed for damp and "
                   "mould within twelve weeks, starting with homes where a child or an older "
                   "person lives.\n"
                   "2. Homes found to have serious damp will be repaired within six months of "
                   "the survey. Where that is not possible, the tenant will be offered a "
                   "temporary move at the council’s expense.\n"
                   "3. A repairs team of eight staff will be based on the estate, in the former "
                   "housing office on Anchor Street, and will be open to tenants five days a "
                   "week.\n"
                   "4. Every repair request will receive a reference number and a date by which "
                   "it will be completed. Tenants will be told if that date changes, and why.\n"
                   "5. The council will publish the number of open repairs on the estate every "
                   "month, and the tenants’ association will be given the figures a week in "
                   "advance.\n"
                   "6. Tenants who have suffered damage to belongings or health because of damp "
                   "may claim compensation under a scheme that the council and the association "
                   "will agree within two months.\n\n"
                   "## How we will keep each other to this\n\n"
                   "The committee and the association will meet every two months to review "
                   "progress, and the association will report back to residents at open "
                   "meetings on the estate. If either side believes these commitments are not "
                   "being kept, it may ask for the matter to be heard at a public meeting of "
                   "the committee.\n\n"
                   "We do not pretend that this statement will dry a single wall. The work "
                   "will. We make these commitments in public so that tenants can hold us to "
                   "them.\n\n",
        .signature = "Councillor Peter Szabo, Chair, Committee on Housing and Planning, Northgate "
                     "City Council\n"
                     "Joyce Mbeki, Secretary, Saltings Tenants’ Association",
        .statement_days_before = 2,
        .authors = {"housing-committee", "saltings-tenants"},
        .tags = {"Housing", "The Saltings", "Health", "City Council"},
        .days_ago = 30,
        .hour = 15,
        .image = true,
        .image_alt = SCENE_OVERCAST_HILLS,
        .image_caption =
            "More than 300 residents attended the public meeting on the Saltings estate.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/world",
        .slug = "northgate-joins-port-cities-compact",
        .title = "Northgate signs port cities’ pledge to halve harbour emissions",
        .subtitle = "Thirty-eight ports in fourteen countries have joined the Coastal Cities "
                    "Compact, agreed at a meeting in Valmora",
        .excerpt = "Ships at berth will have to plug into shore power instead of running their "
                   "engines, the first change Northgate residents are likely to notice.",
        .body_md = "Northgate has joined 37 other port cities in promising to halve the "
                   "emissions from their harbours within ten years, under an agreement signed "
                   "this week in Valmora, the city’s twin across the sea.\n\n"
                   "The Coastal Cities Compact commits the ports and the cities around them to "
                   "cut the pollution produced by ships while they are in harbour, by the "
                   "cranes, lorries and trains that serve them, and by the buildings on the "
                   "docks. Members will publish their emissions every year using the same "
                   "method, so that progress can be compared.\n\n"
                   "The agreement was signed for Northgate by the council leader, Miriam "
                   "Okafor, and by Alastair Venn, chief executive of the Northgate Harbour "
                   "Board, at the end of a three-day meeting of mayors and port managers.\n\n"
                   "## Shore power\n\n"
                   "For people living near the water, the most noticeable change is likely to "
                   "be the end of ships running their engines while they are tied up. Ferries "
                   "and cruise ships at Old Quay, and container ships at Eastbank, currently "
                   "keep their generators running to provide power and heat on board, producing "
                   "fumes that residents of Harbourside and the Saltings have complained about "
                   "for years.\n\n"
                   "Under the compact, ports will install shore connections so that ships can "
                   "plug into the electricity grid at berth. The Harbour Board said it would "
                   "equip the ferry berths at Old Quay first, within three years, followed by "
                   "two of the berths at Eastbank.\n\n"
                   "“Our neighbours have been breathing our exhaust for long enough,” said "
                   "Venn. “This is the single thing we can do that will make the air on the "
                   "quayside better, quickly.”\n\n"
                   "## Questions about cost\n\n"
                   "The board estimates the cost of shore power at Old Quay at about £14 "
                   "million, and has applied for a share of a regional clean transport fund. It "
                   "has not said whether it will charge ships for the electricity at a rate "
                   "that makes it cheaper than running their own engines, which other ports "
                   "have found is the only way to make sure connections are used.\n\n"
                   "The Green List group on the city council welcomed the agreement but said "
                   "targets ten years away were “easy to sign and easy to forget”. Its leader, "
                   "Councillor Ruth Ogden, called for the city to publish its first report "
                   "under the compact within twelve months.\n\n"
                   "The next meeting of the compact will be held in Northgate in two years’ "
                   "time, the first time the city has hosted an international gathering of its "
                   "size since the maritime trade fair of the 1990s.\n\n",
        .authors = {"tomas-lindqvist"},
        .tags = {"Environment", "Harbour", "Shipping", "Energy"},
        .days_ago = 40,
        .hour = 13,
        .image = true,
        .image_alt = SCENE_SUN_HEADLAND,
        .image_caption = "Ferry berths at Old Quay will be the first in Northgate to offer shore "
                         "power to ships.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/world",
        .slug = "valmora-teachers-visit-northgate",
        .title = "Teachers from twin city Valmora spend a month in Northgate classrooms",
        .subtitle = "The exchange, the first since the twinning was renewed, will send six "
                    "Northgate teachers the other way in the autumn",
        .excerpt = "“The children ask me about the weather at home,” said one visiting teacher. "
                   "“Then they ask me about football.”",
        .body_md = "Six teachers from Valmora, the port city that has been twinned with "
                   "Northgate for more than sixty years, are spending a month teaching in the "
                   "city’s schools as part of the first exchange since the twinning agreement "
                   "was renewed last year.\n\n"
                   "The teachers, who work in primary and secondary schools in Valmora, are "
                   "based at Harbour View Primary School in Old Quay, St Anselm’s Primary, "
                   "Eastbank High School and Fennick Academy. They are teaching languages, "
                   "mathematics and science alongside Northgate staff, and in the autumn six "
                   "teachers from Northgate will spend a month in Valmora.\n\n"
                   "## Learning both ways\n\n"
                   "Inés Albarrán, who teaches mathematics at a secondary school near Valmora’s "
                   "old harbour, is working with Year 9 classes at Eastbank High. She said the "
                   "biggest difference was the length of the school day, which in Valmora "
                   "finishes in the early afternoon.\n\n"
                   "“The children ask me about the weather at home. Then they ask me about "
                   "football. Then, sometimes, they ask about algebra,” she said. “It is the "
                   "same as at home.”\n\n"
                   "Her host, Eastbank’s head of mathematics, Gareth Lyle, said the visit had "
                   "made his own department look again at how it taught fractions. “They do "
                   "something with a number line in the first year that we don’t do until much "
                   "later. We have already stolen it.”\n\n"
                   "## A long friendship\n\n"
                   "Northgate and Valmora were twinned in the years after the war, when ships "
                   "from both ports carried coal and timber between them. The link faded in the "
                   "1990s as the trade declined, and was revived two years ago by a group of "
                   "former exchange students who had stayed in touch for decades.\n\n"
                   "The programme is paid for jointly by the two cities, with a contribution "
                   "from the University of Northgate, whose school of education is studying the "
                   "exchange. Each visiting teacher stays with a host family. The council said "
                   "41 families had offered rooms, far more than were needed.\n\n"
                   "Pupils at Harbour View have been exchanging letters with a school in "
                   "Valmora since the start of the year. This week they held a video call in "
                   "which each class sang a song from the other city, in the other city’s "
                   "language, with what their head teacher called “great courage and mixed "
                   "results”.\n\n"
                   "The council’s cabinet member for children and schools, Councillor Nasser "
                   "Qureshi, said he hoped the exchange would become a permanent fixture. “Our "
                   "children grow up in a port. The world arrives here every day. It is good "
                   "for them to see where some of it comes from.”\n\n",
        .authors = {"lena-park"},
        .tags = {"Schools", "University"},
        .days_ago = 95,
        .hour = 11,
        .image = true,
        .image_alt = SCENE_CALM_SEA,
        .image_caption = "Northgate and Valmora were twinned when ships carried coal and timber "
                         "between them.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "business/work",
        .slug = "care-workers-accept-pay-offer",
        .title = "Care workers accept pay offer, ending eight-month dispute",
        .subtitle = "Home carers employed by the council and its contractors will be paid for "
                    "the time they spend travelling between visits",
        .excerpt = "Members of the Brenmoor Care Workers’ Union voted by 78 per cent to accept "
                   "the deal.",
        .body_md = "Home care workers in Northgate have voted to accept a pay offer from the "
                   "city council and the four private companies it employs to provide care, "
                   "ending an eight-month dispute that included eleven days of strikes.\n\n"
                   "Members of the Brenmoor Care Workers’ Union voted by 78 per cent to accept "
                   "the deal, on a turnout of 64 per cent. The union said about 1,100 care "
                   "workers would benefit.\n\n"
                   "## Paid between visits\n\n"
                   "The central point of the dispute was travel time. Home carers visit people "
                   "in their own homes, often for fifteen or thirty minutes at a time, to help "
                   "them get up, wash, eat and take medicine. Until now, most have been paid "
                   "only for the time spent in people’s homes, not for the time spent driving "
                   "or walking between them, which can add up to two or three hours a day.\n\n"
                   "Under the agreement, travel time will be paid at the full hourly rate from "
                   "the start of next month. The basic rate will rise by 6.5 per cent, and "
                   "carers who use their own cars will receive a higher mileage allowance.\n\n"
                   "Sinead Okonjo, a home carer in Fennick for eleven years and a union "
                   "representative, said the change would make a difference to people who had "
                   "been working unpaid hours for years. “I worked out that last year I gave "
                   "away about four hundred hours,” she said. “That is ten weeks of my life, "
                   "sitting in traffic on the ring road between people who need me.”\n\n"
                   "## The cost\n\n"
                   "The council estimates that the agreement will cost about £5.3 million a "
                   "year, most of which will be paid through higher fees to the care companies. "
                   "The council’s cabinet member for adult care, Councillor Tom Lacey, said it "
                   "was money that had to be found.\n\n"
                   "> “We cannot keep asking people to do one of the most important jobs in the "
                   "city and not pay them for part of it. We will find this money, and it will "
                   "be part of the budget we set in the spring.”\n\n"
                   "The companies that provide care under contract to the council said they had "
                   "agreed to pass the full increase on to their staff. One of them, Brennet "
                   "Homecare, said it hoped the change would help it fill 60 vacancies.\n\n"
                   "Relatives of people who receive care had largely supported the strikers, "
                   "despite the disruption. During the strike days, the council prioritised "
                   "visits to about 800 people with the greatest needs, and family members and "
                   "volunteers covered many of the rest.\n\n"
                   "The union said it would now turn its attention to care homes, where it is "
                   "seeking talks on staffing levels at night.\n\n",
        .authors = {"priya-raman"},
        .tags = {"Jobs", "Strikes", "Health"},
        .days_ago = 60,
        .hour = 17,
        .image = true,
        .image_alt = SCENE_DAWN_RIVER,
        .image_caption =
            "Home carers can spend two or three hours a day travelling between visits.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "culture/stage-screen",
        .slug = "review-the-tide-clock-lantern-theatre",
        .title = "Review: The Tide Clock at the Lantern Theatre",
        .subtitle = "A play about a lighthouse keeper’s last winter is slow to start, then "
                    "quietly devastating",
        .excerpt = "Bernadette Kyle gives the performance of the year in a production that "
                   "trusts its audience to wait.",
        .body_md = "For the first twenty minutes of The Tide Clock, very little happens. An old "
                   "woman, the keeper of a lighthouse on a rock off the coast, winds a clock, "
                   "makes tea, writes in a logbook and talks to a radio that does not answer. "
                   "You begin to wonder whether the Lantern Theatre has commissioned a play or "
                   "a still life.\n\n"
                   "Then a boat arrives with a young engineer from the lighthouse authority, "
                   "sent to automate the light, and the play turns slowly into something else: "
                   "a story about work and what is left of a person when it is taken away, told "
                   "with a patience that few new plays have the nerve for.\n\n"
                   "## A performance to remember\n\n"
                   "Bernadette Kyle, who has been a fixture of the Lantern’s company for two "
                   "decades, plays the keeper, Agnes, as a woman who has been alone so long "
                   "that she has stopped noticing. Her hands are never still: trimming a wick, "
                   "straightening a chart, laying a second cup and then putting it away. When "
                   "the engineer asks how long she has been on the rock, she answers with the "
                   "number of times she has painted the lantern room. It is one of the funniest "
                   "and saddest moments I have seen on a Northgate stage.\n\n"
                   "Kwame Asare is good as the engineer, a man who has come to end her job and "
                   "has not thought much about it until he meets her. Their scenes together, "
                   "over a shared week of bad weather, are beautifully judged. Neither is "
                   "allowed to be simply right.\n\n"
                   "## Design and direction\n\n"
                   "The director, Ellen Moss, and the designer, Ravi Sood, have turned the "
                   "Lantern’s small stage into the inside of a tower, with a spiral stair that "
                   "climbs out of sight and a window through which the light sweeps across the "
                   "audience every twelve seconds. The sound of the sea, recorded at Carra "
                   "Point, never quite stops. By the interval, you feel you have been there a "
                   "week.\n\n"
                   "The writing is not faultless. The playwright, Rosa Whelan, gives Agnes a "
                   "long speech about the history of the light in the second half that explains "
                   "what the play has already shown, and a subplot about the engineer’s "
                   "marriage feels as if it belongs to a different, busier play. But the final "
                   "scene, in which Agnes teaches him to wind the clock she will no longer "
                   "need, is as quietly devastating as anything the Lantern has staged.\n\n"
                   "Whelan grew up in Carra Bay, where her grandfather kept the light on "
                   "Skellan Rock until it was automated. You can feel that in every line.\n\n"
                   "*The Tide Clock runs at the Lantern Theatre, Old Quay, for four more weeks. "
                   "Tickets from £12; £6 for under-26s. Running time two hours and ten minutes, "
                   "including an interval.*\n\n",
        .authors = {"daniel-osei"},
        .tags = {"Theatre", "Heritage"},
        .days_ago = 75,
        .hour = 21,
        .image = true,
        .image_alt = SCENE_MOON_SEA,
        .image_caption =
            "The Tide Clock is set in the last winter of a lighthouse keeper on a rock "
            "off the coast.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/region",
        .slug = "dunholt-villages-bus-cuts",
        .title = "Dunholt villages left with two buses a day after route cuts",
        .subtitle = "The operator blames falling passenger numbers; residents say the timetable "
                    "has driven them away",
        .excerpt = "The last bus back from Stannick now leaves at 2.40pm.",
        .body_md = "Villages in the hills around Dunholt have been left with two buses a day "
                   "after the region’s largest bus operator cut back three rural routes, "
                   "leaving older residents and teenagers with no way to reach shops, doctors "
                   "or college without a lift.\n\n"
                   "From this week, route 71, which links Dunholt, Hollins Cross and Upper Fell "
                   "with the market town of Stannick, runs twice a day in each direction "
                   "instead of every two hours. The last bus back from Stannick now leaves at "
                   "2.40pm. Routes 72 and 74 have been merged into a single service that runs "
                   "only on market days.\n\n"
                   "## “Nobody uses it”\n\n"
                   "The operator, Brenmoor Buses, said the three routes had lost more than a "
                   "third of their passengers in five years and were costing it £380,000 a year "
                   "more than they earned. The company’s operations director, Neil Crosby, said "
                   "it had kept the routes running for as long as it could without public "
                   "support.\n\n"
                   "“We are a business. We cannot run buses that are empty for most of the day "
                   "and charge the cost to passengers in the city,” he said.\n\n"
                   "Residents say the numbers fell because the timetable was made worse year "
                   "after year. Margaret Dobson, 81, who lives in Upper Fell and does not "
                   "drive, said she now had to choose between seeing her doctor and doing her "
                   "shopping.\n\n"
                   "> “You can’t get to the surgery for nine and be back the same day unless "
                   "you sit in Stannick for five hours. I don’t mind sitting. But I can’t do it "
                   "in the rain.”\n\n"
                   "## Students and workers\n\n"
                   "The cuts also affect students at Brenmoor College in Stannick, where "
                   "classes finish at 4pm, and workers at the town’s food factories who start "
                   "early. The college said it was looking at running a minibus for about 30 "
                   "students from the villages, but could not promise to do so beyond the end "
                   "of the year.\n\n"
                   "## The Assembly’s role\n\n"
                   "Bus services outside Northgate are run commercially, with subsidies for "
                   "some routes from the Regional Assembly. The Assembly’s rural transport "
                   "budget has been frozen for four years. The Assembly member for Dunholt and "
                   "the Fells, Bethan Morris of the Civic Alliance, said she would raise the "
                   "cuts with the regional transport minister, Callum Reid, this week.\n\n"
                   "A spokesperson for the minister said the new regional rail and bus bill, to "
                   "be introduced later this year, would give the Assembly power to plan bus "
                   "networks itself, including in rural areas. Residents point out that any "
                   "change is likely to be years away.\n\n"
                   "Dunholt’s community council is collecting names for a volunteer car scheme. "
                   "It says more than 40 drivers have offered to help.\n\n",
        .authors = {"siobhan-mccarthy"},
        .tags = {"Transport", "Regional Assembly"},
        .days_ago = 110,
        .hour = 8,
        .image = true,
        .image_alt = SCENE_DAWN_HILLS,
        .image_caption = "Route 71 links Dunholt, Hollins Cross and Upper Fell with Stannick.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "business/harbour",
        .slug = "marten-bay-grounding-statement",
        .title = "Grounding of the cargo vessel Marten Bay",
        .subtitle = "Statement by the Northgate Harbour Board on the vessel aground on the "
                    "Brennet Bank",
        .excerpt = "The crew are safe, no fuel has been lost, and the channel will stay closed "
                   "to large ships until the vessel is refloated.",
        .body_md = "At 04:35 this morning the general cargo vessel Marten Bay, inbound to "
                   "Eastbank with a cargo of steel coil, ran aground on the northern edge of "
                   "the Brennet Bank, about two miles below Carra Point. The Northgate Harbour "
                   "Board makes the following statement.\n\n"
                   "## The current position\n\n"
                   "1. All fourteen members of the crew are safe and remain on board. None has "
                   "been injured.\n"
                   "2. The vessel is upright and stable. Divers have inspected the hull and "
                   "found no breach.\n"
                   "3. No fuel or oil has escaped. As a precaution, a boom has been laid around "
                   "the vessel and a pollution response vessel is standing by.\n"
                   "4. The main channel is closed to vessels with a draught of more than seven "
                   "metres until further notice. Ferry services to the Skellan Isles and "
                   "fishing vessels are not affected.\n"
                   "5. We will attempt to refloat the vessel with tugs on the evening high "
                   "tide, after part of its cargo has been moved to the forward holds.\n"
                   "6. The Maritime Safety Inspectorate has been informed and will investigate "
                   "the cause of the grounding. The Board will cooperate fully and will not "
                   "comment on the cause until the investigation has reported.\n\n"
                   "## Information for port users\n\n"
                   "Four vessels due at Eastbank today and tomorrow have been asked to wait at "
                   "anchor off Carra Bay. Hauliers expecting to collect containers from those "
                   "vessels should contact the terminal for revised times. The harbour master "
                   "will issue a notice to mariners as soon as the channel reopens.\n\n"
                   "## Information for residents\n\n"
                   "The vessel can be seen clearly from the coast path between Carra Bay and "
                   "Carra Point. We ask members of the public not to attempt to reach the "
                   "vessel by boat, and not to go onto the mudflats at low tide, which are "
                   "dangerous. The coastguard has established a one-mile exclusion zone on the "
                   "water around the vessel.\n\n"
                   "We will publish a further statement after the attempt to refloat the vessel "
                   "this evening.\n\n",
        .signature = "Captain Helen Roper, Harbour Master\n"
                     "Alastair Venn, Chief Executive\n"
                     "Northgate Harbour Board",
        .statement_days_before = 0,
        .authors = {"northgate-harbour-board"},
        .tags = {"Harbour", "Shipping", "Environment"},
        .days_ago = 150,
        .hour = 10,
        .image = true,
        .image_alt = SCENE_DAWN_GREY_SEA,
        .image_caption = "The Marten Bay ran aground about two miles below Carra Point.",
        .image_credit = CREDIT,
    },
    {
        .kind = "opinion",
        .section_path = "opinion/columns",
        .slug = "in-praise-of-the-late-ferry",
        .title = "In praise of the late ferry",
        .subtitle = "The 21.15 to the Skellan Isles is slow, cold and nearly empty. It is also "
                    "one of the best things this city does",
        .excerpt = "Nobody on the late boat is going anywhere for fun. That is exactly why it "
                   "matters.",
        .body_md = "The last ferry of the day to the Skellan Isles leaves Old Quay at a quarter "
                   "past nine. On a winter night it carries perhaps thirty people: nurses "
                   "coming off a shift at Northgate General, a few students from the college, a "
                   "plumber with a van full of copper pipe, a man bringing a new washing "
                   "machine home to his mother. I know this because I took it last week, for no "
                   "better reason than that I had not done it for years.\n\n"
                   "Nobody on the late boat is travelling for fun. The bar is closed. The "
                   "coffee comes from a machine. The crossing takes an hour and ten minutes, "
                   "and for most of it there is nothing to see but your own face in the window "
                   "and, if you go out on deck and your nerve holds, the lights of the city "
                   "shrinking behind you.\n\n"
                   "## What the timetable is for\n\n"
                   "Every few years somebody in an office looks at the passenger figures for "
                   "the late ferry and decides that it does not pay. They are right. It does "
                   "not pay, in the sense that the fares collected on the 21.15 would not cover "
                   "the fuel, let alone the crew. And every few years the islanders point out, "
                   "patiently, that a boat is not a business but a road.\n\n"
                   "If the last ferry left at six, a nurse on the late shift could not live on "
                   "the islands. Neither could the plumber, or the student. The islands would "
                   "become a place where people keep holiday houses and the old stay on until "
                   "they cannot. The late ferry is the thing that keeps a community of about "
                   "2,000 people connected to the city that supplies its schools, its hospital "
                   "and most of its wages.\n\n"
                   "## A small kindness\n\n"
                   "What I had forgotten is how kind the late boat is. The crew know most of "
                   "the passengers by name. A deckhand carried the washing machine down the "
                   "ramp at the other end without being asked. A woman I had taught thirty "
                   "years ago, now a midwife, recognised me, bought me a terrible coffee and "
                   "told me about her grandchildren for the whole of the crossing.\n\n"
                   "I am told the operator is reviewing the winter timetable again. I would "
                   "suggest that whoever is doing the reviewing should take the 21.15 one "
                   "evening, and the 06.40 back in the morning. They will not find it "
                   "profitable. They may find it is the most useful thing the region owns.\n\n",
        .authors = {"margaret-hale"},
        .tags = {"Ferries", "Transport"},
        .days_ago = 180,
        .hour = 7,
        .image = true,
        .image_alt = SCENE_MOON_SEA,
        .image_caption = "The 21.15 to the Skellan Isles carries about thirty people on a winter "
                         "night.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/region",
        .slug = "carra-bay-lifeboat-yacht-rescue",
        .title = "Carra Bay lifeboat rescues four from yacht in gale off Carra Point",
        .subtitle = "The crew spent three hours towing the disabled yacht to shelter in winds "
                    "gusting at more than fifty knots",
        .excerpt = "“The sea was as bad as I have seen it in twenty years,” said the lifeboat’s "
                   "coxswain.",
        .body_md = "Four people were rescued from a yacht that lost its mast in a gale off "
                   "Carra Point last night, after the Carra Bay lifeboat spent more than three "
                   "hours bringing it to shelter.\n\n"
                   "The yacht, a twelve-metre sailing boat on its way from the Skellan Isles to "
                   "Northgate, radioed for help at about 9pm after its mast broke and its "
                   "engine failed, leaving it drifting towards the rocks below the point. The "
                   "coastguard sent the Carra Bay all-weather lifeboat and a helicopter.\n\n"
                   "## “As bad as I have seen it”\n\n"
                   "The lifeboat reached the yacht in forty minutes, in winds gusting at more "
                   "than fifty knots and waves of up to six metres. The helicopter was unable "
                   "to lower a crew member onto the yacht because of the movement of the deck "
                   "and the wreckage of the mast, and the lifeboat crew decided to tow it "
                   "instead.\n\n"
                   "The coxswain, Alan Ferris, a fisherman who has served with the lifeboat for "
                   "22 years, said it had taken four attempts to get a line aboard.\n\n"
                   "> “The sea was as bad as I have seen it in twenty years. They had done "
                   "everything right on that boat. They had lifejackets on, they had the radio "
                   "working and they stayed calm. That makes all the difference.”\n\n"
                   "The yacht was towed into the shelter of Carra Bay shortly after midnight. "
                   "Its crew of four, two men and two women from Northgate, were checked by "
                   "paramedics on the harbour wall and found to be cold but unhurt.\n\n"
                   "## A volunteer crew\n\n"
                   "The Carra Bay lifeboat is crewed by volunteers, most of whom live within a "
                   "few minutes of the station. Last night’s crew of seven included a "
                   "fisherman, a teacher, a nurse and a carpenter. It was the station’s 31st "
                   "call-out this year.\n\n"
                   "One of the rescued sailors, speaking to the Courier by telephone, asked not "
                   "to be named but said the crew would be welcome at her table for the rest of "
                   "their lives. “We were watching the rocks getting closer, and then there was "
                   "this orange boat coming out of the dark. I don’t think I will ever see "
                   "anything more beautiful.”\n\n"
                   "The lifeboat station is run by a charity and relies on donations. It is "
                   "raising £240,000 to replace its slipway, which was damaged in storms two "
                   "years ago. Details of how to help are on the station’s noticeboard at the "
                   "harbour and at the Carra Bay post office.\n\n",
        .authors = {"siobhan-mccarthy"},
        .tags = {"Weather", "Harbour"},
        .days_ago = 200,
        .hour = 9,
        .image = true,
        .image_alt = SCENE_STORM_SEA,
        .image_caption =
            "The lifeboat crew towed the yacht to shelter in waves of up to six metres.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "politics/assembly",
        .slug = "assembly-passes-regional-rail-bill",
        .title = "Assembly passes regional rail and bus bill after late-night debate",
        .subtitle = "The new law lets Brenmoor plan its own bus network and take over the "
                    "Brennet valley railway",
        .excerpt = "The bill passed by 41 votes to 33 after ministers accepted an amendment "
                   "protecting rural routes.",
        .body_md = "The Brenmoor Regional Assembly last night passed the Regional Transport "
                   "Bill, giving the region the power to plan its own bus network, set fares "
                   "and take over the running of the railway along the Brennet valley.\n\n"
                   "The bill passed its final stage by 41 votes to 33 shortly before midnight, "
                   "after a debate that lasted more than six hours. Common Ground and the Green "
                   "List voted in favour. The Civic Alliance voted against, arguing that the "
                   "region could not afford to run transport itself.\n\n"
                   "## What the law does\n\n"
                   "The law creates a new body, Brenmoor Transport, which will:\n\n"
                   "1. Decide bus routes, timetables and fares across the region, with private "
                   "companies contracted to run the services.\n"
                   "2. Take over the Brennet Valley Line between Northgate and Holm Ferry when "
                   "the current operator’s contract ends.\n"
                   "3. Introduce a single ticket valid on buses, trams and trains throughout "
                   "the region.\n"
                   "4. Publish a network plan every five years, after public consultation.\n\n"
                   "## The rural amendment\n\n"
                   "The bill’s passage was in doubt until the afternoon, when ministers "
                   "accepted an amendment from the Green List requiring every village with more "
                   "than 300 residents to have at least five bus services a day in each "
                   "direction. The amendment was prompted by cuts to services in the hills "
                   "around Dunholt, which left some villages with two buses a day.\n\n"
                   "The regional transport minister, Callum Reid, said the amendment would cost "
                   "about £4 million a year and was “worth every penny”.\n\n"
                   "> “For forty years, the bus map of this region has been drawn by whoever "
                   "could make a profit from it. From today it will be drawn by the people who "
                   "use it.”\n\n"
                   "## Opposition warnings\n\n"
                   "The Civic Alliance’s transport spokesperson, Victor Hale, said the bill "
                   "would leave the Assembly carrying the full risk of running services that "
                   "had been losing money for years.\n\n"
                   "“The minister has promised every village a bus and every commuter a cheaper "
                   "ticket. He has not told anyone what happens when the bill arrives,” he "
                   "said. He said his party would review the arrangements if it formed the next "
                   "regional executive.\n\n"
                   "The first contracts under the new system are expected to start in about two "
                   "years, beginning with the routes around Stannick and Dunholt. The single "
                   "ticket will be introduced in Northgate first, on trams and city buses, "
                   "within eighteen months.\n\n",
        .authors = {"farid-haddad"},
        .tags = {"Transport", "Regional Assembly"},
        .days_ago = 260,
        .hour = 18,
        .image = true,
        .image_alt = SCENE_MORNING_RIVER,
        .image_caption = "The new law allows the region to take over the railway along the Brennet "
                         "valley.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "business/economy",
        .slug = "pellows-to-close-after-112-years",
        .title = "Pellow’s to close its Tollgate store after 112 years",
        .subtitle = "The department store, where generations of Northgate children were bought "
                    "their first school shoes, will shut in the new year with the loss of 86 jobs",
        .excerpt = "The owners say the building is too large and too costly to heat for a shop "
                   "that now takes a third of its sales online.",
        .body_md = "Pellow’s, the department store that has occupied the corner of Tollgate and "
                   "Market Street since before the First World War, is to close in the new year "
                   "with the loss of 86 jobs.\n\n"
                   "The store’s owners, the fourth generation of the Pellow family, told staff "
                   "yesterday morning that sales had fallen by more than a quarter in five "
                   "years and the building’s running costs had doubled. They said they had "
                   "tried for two years to find a buyer for the business or a partner to share "
                   "the building, without success.\n\n"
                   "## “We ran out of road”\n\n"
                   "Catherine Pellow, the managing director, said the decision was the hardest "
                   "the family had ever made. “My great-grandfather opened this shop with three "
                   "counters and a delivery bicycle. We have kept it open through two wars, a "
                   "fire and more recessions than I can count. We have simply run out of "
                   "road.”\n\n"
                   "The store employs 86 people, many of whom have worked there for more than "
                   "twenty years. The company said all staff would be paid in full until the "
                   "closure and would receive redundancy pay above the legal minimum. Its "
                   "online business, which accounts for about a third of sales, will continue "
                   "from a smaller warehouse in Eastbank with about fifteen staff.\n\n"
                   "## Customers’ memories\n\n"
                   "News of the closure brought a steady stream of customers to the store "
                   "yesterday afternoon. Many made their way to the children’s shoe department "
                   "on the second floor, where, for much of the last century, Northgate "
                   "children were measured for their first school shoes.\n\n"
                   "“I was brought here at five, and I brought my daughter, and I brought her "
                   "son last year,” said Eileen Marsh, 68. “It is not a shop. It is where you "
                   "went.”\n\n"
                   "## What happens to the building\n\n"
                   "The building, a five-storey block of red brick and white stone with a clock "
                   "over the corner entrance, is protected as a building of historic interest, "
                   "which limits what can be done with it. The family said it would sell or "
                   "lease the building and hoped it would be used in a way “that keeps the "
                   "clock running and the doors open”.\n\n"
                   "The city council’s cabinet member for the economy, Councillor Aled Price, "
                   "said the closure was a blow to Tollgate, where one shop in six is already "
                   "empty. He said the council would work with the family on the future of the "
                   "building and would consider buying it if no other buyer was found.\n\n"
                   "The Northgate Chamber of Commerce said the closure reflected pressure on "
                   "every large shop in the city centre, and repeated its call for lower "
                   "business rates on high streets.\n\n",
        .authors = {"priya-raman"},
        .tags = {"Small Business", "Jobs", "Heritage"},
        .days_ago = 330,
        .hour = 10,
        .image = false,
    },
    {
        .kind = "news",
        .section_path = "culture/books",
        .slug = "central-library-sunday-opening",
        .title = "Central Library to open on Sundays again after readers’ campaign",
        .subtitle = "A petition signed by 9,000 people reverses a cut made six years ago",
        .excerpt = "The library on Chandler Street will open from 11am to 4pm every Sunday, "
                   "staffed by librarians rather than volunteers.",
        .body_md = "Northgate Central Library on Chandler Street will open on Sundays again "
                   "from next month, six years after Sunday opening was cut to save money, "
                   "following a campaign by readers that gathered more than 9,000 "
                   "signatures.\n\n"
                   "The city council’s cabinet agreed yesterday to spend £180,000 a year to "
                   "open the library from 11am to 4pm every Sunday, and to extend opening until "
                   "8pm on Tuesdays and Thursdays at the branch libraries in Eastbank, Fennick "
                   "and the Saltings.\n\n"
                   "## A campaign of readers\n\n"
                   "The campaign, Open on Sunday, was started by a group of parents who met at "
                   "the library’s Saturday storytelling sessions and found that many families "
                   "could not use it on weekdays. It held read-ins on the library steps every "
                   "Sunday for a year, at which volunteers read aloud to anyone who stopped, in "
                   "all weathers.\n\n"
                   "One of its founders, Priti Chandra, said the campaign had been about more "
                   "than books. “A library is the only warm, quiet, public room in this city "
                   "where nobody asks you to buy anything,” she said. “On a Sunday, for a lot "
                   "of people, it is the only place to go.”\n\n"
                   "## Staffed by librarians\n\n"
                   "The library will be staffed on Sundays by professional librarians and "
                   "library assistants, and not by volunteers, which the campaign had insisted "
                   "on. The council said it would create six part-time posts.\n\n"
                   "The council’s cabinet member for culture, Councillor Nell Aitken, said the "
                   "decision had been made possible by savings elsewhere in the library "
                   "service, including lower energy bills since solar panels were installed on "
                   "the Central Library’s roof.\n\n"
                   "> “The campaigners stood on those steps every Sunday for a year. The least "
                   "we could do was open the door behind them.”\n\n"
                   "## Busier than ever\n\n"
                   "Library use in Northgate has risen for three years running, reversing a "
                   "long decline. Loans of children’s books are at their highest level for a "
                   "decade, and the Central Library’s study spaces are often full in the weeks "
                   "before exams. The library has also become the city’s busiest place to get "
                   "help with job applications and government forms online.\n\n"
                   "The Sunday sessions will include storytelling for young children at noon "
                   "and a drop-in help desk for people who need assistance using computers. The "
                   "first Sunday opening will be marked by a reading from the poet Carys Lloyd, "
                   "whose first collection was written, she says, almost entirely at a desk on "
                   "the library’s second floor.\n\n",
        .authors = {"daniel-osei"},
        .tags = {"Books", "City Council"},
        .days_ago = 400,
        .hour = 12,
        .image = true,
        .image_alt = SCENE_NOON_HILLS,
        .image_caption = "Campaigners held read-ins on the library steps every Sunday for a year.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "news/region",
        .slug = "joint-statement-brennet-floods-response",
        .title = "Joint statement on the emergency response to the Brennet floods",
        .subtitle = "By the Committee on Security of Northgate City Council and the Regional "
                    "Water Authority",
        .excerpt = "Emergency centres remain open at Holm Ferry and Eastbank. Here is what "
                   "residents affected by the floods need to know.",
        .body_md = "The Committee on Security of Northgate City Council and the Regional Water "
                   "Authority make this joint statement on the response to the flooding along "
                   "the River Brennet, which has affected homes in Holm Ferry, Wendle Green and "
                   "the lower part of Eastbank.\n\n"
                   "We are deeply sorry for the distress and damage that the floods have "
                   "caused. More than 300 homes and businesses have been flooded, and about 450 "
                   "people have spent at least one night away from home. Nobody has been "
                   "seriously hurt, thanks in large part to the work of the fire and rescue "
                   "service, the police and many volunteers.\n\n"
                   "## What is being done\n\n"
                   "1. Emergency rest centres remain open at Holm Ferry town hall and at the "
                   "Eastbank community centre, with hot food, beds and help from council staff. "
                   "Anyone who cannot stay at home is welcome.\n"
                   "2. Pumping is continuing at the Mill Lane outfall in Holm Ferry and at "
                   "three sites in Eastbank. We expect floodwater to be cleared from all "
                   "streets within 48 hours if there is no further heavy rain.\n"
                   "3. Skips will be placed on affected streets from tomorrow for flood-damaged "
                   "furniture and belongings. They will be emptied daily and there is no "
                   "charge.\n"
                   "4. Every flooded household may claim an immediate hardship payment of £500 "
                   "from the council, without waiting for insurance. Forms are available at the "
                   "rest centres.\n"
                   "5. Council tax and water charges will be suspended for three months for "
                   "every flooded home.\n"
                   "6. Drinking water from the tap remains safe everywhere in the region. "
                   "Private wells in flooded areas should not be used until they have been "
                   "tested.\n\n"
                   "## What happens next\n\n"
                   "When the water has gone down, the Regional Water Authority will commission "
                   "an independent review of the flood, including why the temporary barriers at "
                   "Holm Ferry were overtopped and whether warnings reached every resident in "
                   "time. The review will be published in full, and residents will be invited "
                   "to give evidence to it.\n\n"
                   "We know that many people in Holm Ferry have waited years for the permanent "
                   "flood wall that is now being built. We will publish a firm date for its "
                   "completion before the review reports, and we will not wait for the next "
                   "flood to do so.\n\n"
                   "Information is updated daily on the [council’s "
                   "website](https://example.org) and at the rest centres. The flood helpline, "
                   "01632 960 300, is open around the clock.\n\n",
        .signature = "Councillor Amina Rahal, Chair, Committee on Security, Northgate City "
                     "Council\n"
                     "Dr Ines Falk, Chief Executive, Regional Water Authority",
        .statement_days_before = 1,
        .authors = {"committee-on-security", "regional-water-authority"},
        .tags = {"Flooding", "River Brennet", "Water", "Weather"},
        .days_ago = 420,
        .hour = 20,
        .image = true,
        .image_alt = SCENE_STORM_RIVER,
        .image_caption = "More than 300 homes and businesses along the Brennet were flooded.",
        .image_credit = CREDIT,
    },
    {
        .kind = "statement",
        .section_path = "politics/council",
        .slug = "statement-city-centre-cameras",
        .title = "Statement on the use of cameras in the city centre",
        .subtitle = "The Committee on Security sets out the rules for the council’s CCTV network "
                    "after its review",
        .excerpt = "No facial recognition, recordings kept for 31 days, and a public register "
                   "of every camera.",
        .body_md = "The Committee on Security has completed its review of the closed-circuit "
                   "television cameras operated by Northgate City Council in Tollgate, Old Quay "
                   "and the other district centres. This statement sets out what the committee "
                   "has decided and why.\n\n"
                   "The council operates 214 cameras, monitored from a control room at the "
                   "Council House. They help the police investigate crime, help stewards manage "
                   "crowds at large events and help find vulnerable people who have gone "
                   "missing. During the review, residents, businesses, the police and civil "
                   "liberties groups told us that cameras are useful and that they can also be "
                   "misused. We agree with both.\n\n"
                   "## What the committee has decided\n\n"
                   "1. The council will not use facial recognition software on its cameras, and "
                   "will not allow any other body to apply it to the council’s recordings.\n"
                   "2. Recordings will be kept for 31 days and then deleted, unless they are "
                   "needed as evidence in a particular investigation.\n"
                   "3. The council will publish a register of every camera it operates, with "
                   "its location and purpose, and will update it whenever a camera is added or "
                   "removed.\n"
                   "4. No new camera will be installed without a public notice at least 28 days "
                   "in advance, except for temporary cameras at events.\n"
                   "5. Every request by the police for recordings will be logged, and the "
                   "number of requests will be reported to the committee every quarter.\n"
                   "6. An independent person will inspect the control room twice a year and "
                   "report to the committee in public.\n"
                   "7. The 22 cameras that the review found to be broken or no longer useful "
                   "will be removed within three months.\n\n"
                   "## Why\n\n"
                   "Cameras in public places are only acceptable if people trust the way they "
                   "are used. That trust depends on knowing where the cameras are, what happens "
                   "to the recordings and who is checking. The committee believes that these "
                   "rules give residents that knowledge, while keeping the cameras that help "
                   "keep the city safe.\n\n"
                   "We thank everyone who took part in the review, and in particular the "
                   "residents of Old Quay who brought the concerns that led to it. The register "
                   "of cameras will be published within two months.\n\n",
        .signature = "Councillor Amina Rahal, Chair\nCommittee on Security, Northgate City Council",
        .statement_days_before = 3,
        .authors = {"committee-on-security"},
        .tags = {"Policing", "City Council"},
        .days_ago = 520,
        .hour = 11,
        .image = false,
    },
    {
        .kind = "news",
        .section_path = "news/city",
        .slug = "brennet-footbridge-opens",
        .title = "New footbridge over the Brennet opens to walkers and cyclists",
        .subtitle = "The crossing between Harbourside and Eastbank cuts a forty-minute walk to "
                    "five",
        .excerpt = "More than 3,000 people crossed the bridge in its first two hours.",
        .body_md = "A new footbridge across the River Brennet between Harbourside and Eastbank "
                   "opened yesterday, cutting a forty-minute walk around the river by Tollgate "
                   "Bridge to about five minutes.\n\n"
                   "More than 3,000 people crossed the bridge in its first two hours, according "
                   "to a counter installed at each end, many of them families who had come to "
                   "watch the opening and then walked over and back again for the pleasure of "
                   "it.\n\n"
                   "## An opening bridge\n\n"
                   "The bridge, 160 metres long and made of steel, has a central section that "
                   "swings open to let tall ships and yachts through to the marina at "
                   "Harbourside. It will open on request for about ten minutes at a time, and "
                   "the council says it expects to open it no more than four times a day in "
                   "summer.\n\n"
                   "The bridge was designed after an international competition and cost £27 "
                   "million, paid for by the city council, the Regional Assembly and a "
                   "contribution from the developers of the Harbourside flats.\n\n"
                   "## Two halves of a city\n\n"
                   "For generations, Eastbank and the western side of the city have been "
                   "separated by the river, with only Tollgate Bridge and the ferry at Old "
                   "Quay, which stopped running in the 1980s, to connect them. Residents of "
                   "Eastbank have long complained that jobs, shops and schools on the other "
                   "side were near on a map and far in practice.\n\n"
                   "Aisha Bello, who lives in Eastbank and works at a café in Harbourside, said "
                   "the bridge would change her day. “I used to take two buses. Now I’ll walk "
                   "to work and see the river on the way,” she said.\n\n"
                   "> “This bridge is not for cars and it is not for lorries. It is for people. "
                   "We have built a lot of roads in this city. It was time we built something "
                   "for the rest of us.”\n\n"
                   "That was the council leader, Miriam Okafor, speaking at the opening, which "
                   "was performed by two pupils from schools on either side of the river, who "
                   "cut a ribbon in the middle.\n\n"
                   "## Teething problems\n\n"
                   "Not everyone was delighted. Some residents of Harbourside said they had not "
                   "been warned that the bridge would bring cyclists along the quayside in "
                   "front of their flats, and asked for speed limits. The council said signs "
                   "asking cyclists to slow down would be installed within a week.\n\n"
                   "The bridge will be open around the clock and is lit at night. Its name will "
                   "be chosen by a public vote, with a shortlist of five names drawn up by "
                   "pupils from the two schools.\n\n",
        .authors = {"lena-park"},
        .tags = {"Transport", "River Brennet", "City Council"},
        .days_ago = 600,
        .hour = 12,
        .image = true,
        .image_alt = SCENE_DUSK_ESTUARY,
        .image_caption = "The new bridge links Harbourside and Eastbank across the Brennet.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "news/region",
        .slug = "carra-bay-wind-farm-approved",
        .title = "Wind farm off Carra Bay wins approval after three-year inquiry",
        .subtitle = "Sixty turbines will supply enough power for about 400,000 homes, and the "
                    "port at Eastbank will be its base",
        .excerpt = "Fishermen won changes to the layout, and Carra Bay will receive a community "
                   "fund worth £1.2 million a year.",
        .body_md = "A wind farm of sixty turbines off the coast at Carra Bay has been given "
                   "approval by the Regional Assembly, ending a three-year inquiry into the "
                   "largest energy project ever proposed in Brenmoor.\n\n"
                   "The Carra Bank wind farm will stand between twelve and twenty miles "
                   "offshore and will generate enough electricity for about 400,000 homes when "
                   "it is complete. Its developer, a partnership of two energy companies and "
                   "the region’s public pension fund, says construction will begin in two "
                   "years.\n\n"
                   "## Jobs at Eastbank\n\n"
                   "The turbines will be assembled at Eastbank, where the Northgate Harbour "
                   "Board will build a new quay on the site of a former coal berth. The "
                   "developer says about 600 people will be employed during construction and "
                   "about 120 permanently, maintaining the turbines from a base at the port.\n\n"
                   "The regional minister for the economy said the decision showed that "
                   "Brenmoor could build “the industries of the next century on the quays of "
                   "the last one”.\n\n"
                   "## Fishermen’s concerns\n\n"
                   "The inquiry heard objections from fishermen at Carra Bay and Old Quay, who "
                   "said the original layout would close some of their best grounds for crab "
                   "and lobster. The final approval requires the developer to leave two "
                   "corridors through the wind farm open to fishing boats and to bury all "
                   "cables at least a metre below the seabed.\n\n"
                   "Jim Haldane, who has fished out of Carra Bay for forty years, said he was "
                   "not happy but could live with the changes. “They came with a map that would "
                   "have put me out of business. They’re leaving with one that won’t. I’d call "
                   "that a draw.”\n\n"
                   "## Something for the bay\n\n"
                   "The developer will pay £1.2 million a year into a fund for Carra Bay and "
                   "the neighbouring villages for the life of the wind farm, to be spent by a "
                   "trust with a majority of local members. The village’s harbour committee "
                   "said its first priority would be the sea wall, which was damaged in storms "
                   "last winter.\n\n"
                   "> “We will be able to see these turbines from every window in the village "
                   "for the rest of our lives. The least we should get is a harbour wall that "
                   "doesn’t fall down.”\n\n"
                   "So said Mairi Lennox, the chair of the harbour committee.\n\n"
                   "Conservation groups welcomed the decision, but asked for careful monitoring "
                   "of seabirds that nest on the cliffs at Carra Point. The developer has "
                   "agreed to fund a ten-year study by the Brenmoor Institute of Marine "
                   "Science, which is based in the village.\n\n",
        .authors = {"siobhan-mccarthy", "tomas-lindqvist"},
        .tags = {"Energy", "Environment", "Jobs", "Fishing"},
        .days_ago = 700,
        .hour = 9,
        .image = true,
        .image_alt = SCENE_SUN_HEADLAND,
        .image_caption = "The turbines will stand between twelve and twenty miles off Carra Bay.",
        .image_credit = CREDIT,
    },
    {
        .kind = "news",
        .section_path = "politics/elections",
        .slug = "common-ground-holds-city-council",
        .title = "Common Ground holds Northgate City Council with reduced majority",
        .subtitle = "The party lost five seats but kept control; the Green List had its best "
                    "night ever",
        .excerpt = "Turnout rose in every ward but one, and reached 44 per cent across the city.",
        .body_md = "Common Ground kept control of Northgate City Council in the early hours of "
                   "this morning, but with its majority cut from fourteen seats to four after a "
                   "night in which the Green List won more seats than ever before.\n\n"
                   "After all 60 seats had been declared at the count in the Council House "
                   "shortly before 5am, Common Ground had 32 councillors, down five. The Civic "
                   "Alliance had 17, unchanged; the Green List 7, up four; Northgate "
                   "Independents 2; and there were two independents, including Ken Ashby, "
                   "re-elected in Kettle Hill for the fifth time.\n\n"
                   "## Turnout up\n\n"
                   "Turnout rose to 44 per cent across the city, from 37 per cent at the last "
                   "elections, and rose in every ward except Westcliff. The highest turnout was "
                   "in Millbrook, at 58 per cent, where the Green List won all three seats, "
                   "helped by a large vote among students and staff at the university.\n\n"
                   "The council’s leader, Miriam Okafor, who held her own seat in Eastbank "
                   "comfortably, said the result was “a victory, and a warning”.\n\n"
                   "> “People have given us another four years, and they have told us clearly "
                   "what they expect: homes on the gasworks site, a tram to Kettle Hill and a "
                   "council that listens before it decides. We have heard them.”\n\n"
                   "## The results\n\n"
                   "- **Common Ground:** 32 seats (down 5)\n"
                   "- **Civic Alliance:** 17 seats (no change)\n"
                   "- **Green List:** 7 seats (up 4)\n"
                   "- **Northgate Independents:** 2 seats (no change)\n"
                   "- **Independents:** 2 seats (up 1)\n\n"
                   "## Reaction\n\n"
                   "The Civic Alliance leader, Graham Tulloch, said his party had held its "
                   "ground in the suburbs but had failed to win the seats it targeted in "
                   "Fennick and Kettle Hill. He said it would “take a long, hard look at why we "
                   "did not persuade enough people”.\n\n"
                   "The Green List’s leader, Ruth Ogden, said the party’s gains were built on "
                   "years of campaigning on flooding and air quality around the harbour. Asked "
                   "whether she would consider an arrangement with Common Ground, she said the "
                   "party would “support good ideas, oppose bad ones and be nobody’s spare "
                   "wheel”.\n\n"
                   "The new council will hold its first meeting in three weeks, when it is "
                   "expected to re-elect Okafor as leader and appoint the chairs of its "
                   "committees.\n\n",
        .authors = {"farid-haddad"},
        .tags = {"Elections", "City Council"},
        .days_ago = 640,
        .hour = 7,
        .image = true,
        .image_alt = SCENE_DAWN_RIVER,
        .image_caption = "The last seats were declared shortly before 5am at the Council House.",
        .image_credit = CREDIT,
    },
    {
        .kind = "page",
        .section_path = NULL,
        .slug = "about",
        .title = "About the Courier",
        .subtitle = "The daily newspaper of Northgate and Brenmoor since 1871",
        .excerpt = "Who we are, who owns us, and the standards we hold ourselves to.",
        .body_md = "The Northgate Courier has reported on the city and the region since its "
                   "first edition was printed in a back room on Chandler Street in 1871, to "
                   "carry shipping news, corn prices and the proceedings of the harbour "
                   "commissioners. It has been published every day since, except for nine days "
                   "during the great harbour strike of 1889, when its printers came out with "
                   "the dockers.\n\n"
                   "Today the Courier is read in print and online by more than 90,000 people a "
                   "day in Northgate, the towns of the Brennet valley and the Skellan Isles. "
                   "Our newsroom of 34 journalists covers the city council and the Regional "
                   "Assembly, the port, the courts, schools, hospitals, business, culture and "
                   "sport.\n\n"
                   "## Who owns us\n\n"
                   "Since 1962 the Courier has been owned by the Courier Trust, an independent "
                   "trust with no shareholders. Its rules require that any profit is spent on "
                   "journalism, and that the editor alone decides what the newspaper publishes. "
                   "The trustees appoint the editor but cannot instruct them.\n\n"
                   "## What we publish\n\n"
                   "- **News** reported by our own journalists, who are named on every story "
                   "they write.\n"
                   "- **Statements** from public bodies, unions and community organisations, "
                   "published as they were issued, with the name of the organisation, who "
                   "signed them and the date they were made. Statements are clearly marked and "
                   "are not edited for content.\n"
                   "- **Opinion** from our columnists and readers, and the Courier’s own view, "
                   "which is agreed by the editor and the senior staff and published unsigned "
                   "under the heading “The Courier’s view”.\n\n"
                   "## Our standards\n\n"
                   "We try to be accurate, fair and clear. We seek a response from anyone we "
                   "criticise before we publish. We correct mistakes promptly and say that we "
                   "have done so at the foot of the story. If you think we have got something "
                   "wrong, please tell us: details are on our contact page.\n\n"
                   "## About this site\n\n"
                   "The Northgate Courier is a fictional newspaper. Northgate, Brenmoor, the "
                   "Brennet and everyone and everything in these pages are invented, and any "
                   "resemblance to real people, places or organisations is a coincidence. The "
                   "Courier exists to show how Gazette, the publishing system this site runs "
                   "on, handles the daily work of a newsroom: news, signed statements, opinion, "
                   "sections, authors and tags. The pictures are generated illustrations, not "
                   "photographs.\n\n",
        .authors = {NULL},
        .tags = {NULL},
        .days_ago = 729,
        .hour = 9,
        .image = false,
    },
    {
        .kind = "page",
        .section_path = NULL,
        .slug = "contact",
        .title = "Contact",
        .subtitle = "How to reach the newsroom, send us a letter or a statement, or ask for a "
                    "correction",
        .excerpt = "Addresses, telephone numbers and what to expect when you get in touch.",
        .body_md = "The Northgate Courier, 14 Chandler Street, Northgate. The front desk is "
                   "open from 9am to 5pm, Monday to Friday.\n\n"
                   "## News\n\n"
                   "If you have a story, or you have seen something our readers should know "
                   "about, contact the newsdesk at newsdesk@example.org or on 01632 960 400. "
                   "The newsdesk is staffed from 7am until midnight every day. If you need to "
                   "speak to us in confidence, say so at the start and we will respect it.\n\n"
                   "## Letters\n\n"
                   "Letters for publication should be sent to letters@example.org. Please "
                   "include your full postal address and a daytime telephone number; we publish "
                   "only your name and your district. Letters of under 250 words are more "
                   "likely to be published, and all letters may be shortened. You can read "
                   "recent letters on our [letters page](/opinion/letters/).\n\n"
                   "## Statements\n\n"
                   "Public bodies, trade unions and community organisations may send statements "
                   "for publication to statements@example.org. Please include:\n\n"
                   "1. The full name of the organisation, or of each organisation if the "
                   "statement is joint.\n"
                   "2. The names and roles of the people signing it.\n"
                   "3. The date on which the statement was agreed.\n"
                   "4. A telephone number on which we can confirm that the statement is "
                   "genuine.\n\n"
                   "We publish statements as they were issued, clearly marked, and we do not "
                   "edit their content. We may decline to publish a statement that is "
                   "defamatory, that would prejudice a trial, or that we cannot verify.\n\n"
                   "## Corrections\n\n"
                   "If you believe something we have published is inaccurate, write to the "
                   "readers’ editor at corrections@example.org, saying which article you mean "
                   "and what you believe is wrong. We aim to reply within two working days. "
                   "Corrections are added to the foot of the article concerned and listed every "
                   "Saturday on the letters page.\n\n"
                   "## Advertising and subscriptions\n\n"
                   "For advertising, call 01632 960 410. For subscriptions and delivery of the "
                   "printed paper, call 01632 960 420 or visit [our subscriptions "
                   "page](https://example.org).\n\n",
        .authors = {NULL},
        .tags = {NULL},
        .days_ago = 729,
        .hour = 9,
        .image = false,
    },
};
const size_t gz_demo_article_count = GZ_ARRAY_LEN(gz_demo_articles);

/* ---- the generator ----------------------------------------------------- */

/* Generated prose is assembled from templates whose {key} slots are filled
 * from one set of values per article, so that the same place, people and
 * figures recur consistently through a story. {Key} with a capital first
 * letter capitalises the value ("the Saltings" -> "The Saltings"). */

enum key {
        K_PLACE,
        K_PLACE2,
        K_STREET,
        K_STREET2,
        K_P1,
        K_P2,
        K_P3,
        K_P4,
        K_P5,
        K_P6,
        K_P1S,
        K_P2S,
        K_P3S,
        K_P4S,
        K_P5S,
        K_P6S,
        K_AGE,
        K_BIZ,
        K_SITE,
        K_SCHOOL,
        K_SCHOOL2,
        K_SHIP,
        K_VENUE,
        K_FESTIVAL,
        K_WORK,
        K_ENSEMBLE,
        K_PARTY,
        K_PARTY2,
        K_FOREIGN,
        K_EMPLOYER,
        K_WORKERS,
        K_SERVICE,
        K_PROJECT,
        K_BILL,
        K_THEME,
        K_HOSPITAL,
        K_N1,
        K_N2,
        K_N3,
        K_N4,
        K_MONEY,
        K_MONEY_H,
        K_MONEY2,
        K_MONEY2_H,
        K_PCT,
        K_PCT2,
        K_PCT3,
        K_YEARS,
        K_WEEKS,
        K_DAYS,
        K_ROUTE,
        K_WHEN,
        K_AREA,
        K_COUNCIL,
        K_ISSUE,
        K_ORG_LIST,
        K_S,
        K_ITS,
        K__MAX
};

static const char *const key_names[K__MAX] = {
    [K_PLACE] = "place",
    [K_PLACE2] = "place2",
    [K_STREET] = "street",
    [K_STREET2] = "street2",
    [K_P1] = "p1",
    [K_P2] = "p2",
    [K_P3] = "p3",
    [K_P4] = "p4",
    [K_P5] = "p5",
    [K_P6] = "p6",
    [K_P1S] = "p1s",
    [K_P2S] = "p2s",
    [K_P3S] = "p3s",
    [K_P4S] = "p4s",
    [K_P5S] = "p5s",
    [K_P6S] = "p6s",
    [K_AGE] = "age",
    [K_BIZ] = "biz",
    [K_SITE] = "site",
    [K_SCHOOL] = "school",
    [K_SCHOOL2] = "school2",
    [K_SHIP] = "ship",
    [K_VENUE] = "venue",
    [K_FESTIVAL] = "festival",
    [K_WORK] = "work",
    [K_ENSEMBLE] = "ensemble",
    [K_PARTY] = "party",
    [K_PARTY2] = "party2",
    [K_FOREIGN] = "foreign",
    [K_EMPLOYER] = "employer",
    [K_WORKERS] = "workers",
    [K_SERVICE] = "service",
    [K_PROJECT] = "project",
    [K_BILL] = "bill",
    [K_THEME] = "theme",
    [K_HOSPITAL] = "hospital",
    [K_N1] = "n1",
    [K_N2] = "n2",
    [K_N3] = "n3",
    [K_N4] = "n4",
    [K_MONEY] = "money",
    [K_MONEY_H] = "money_h",
    [K_MONEY2] = "money2",
    [K_MONEY2_H] = "money2_h",
    [K_PCT] = "pct",
    [K_PCT2] = "pct2",
    [K_PCT3] = "pct3",
    [K_YEARS] = "years",
    [K_WEEKS] = "weeks",
    [K_DAYS] = "days",
    [K_ROUTE] = "route",
    [K_WHEN] = "when",
    [K_AREA] = "area",
    [K_COUNCIL] = "council",
    [K_ISSUE] = "issue",
    [K_ORG_LIST] = "org_list",
    [K_S] = "s",
    [K_ITS] = "its",
};

/* ---- the world the generator draws on ---------------------------------- */

static const char *const districts[] = {
    "Old Quay", "the Saltings", "Eastbank",    "Millbrook",   "Kettle Hill",    "Tollgate",
    "Fennick",  "Westcliff",    "St Anselm’s", "Harbourside", "Cooper’s Green", "Beacon Park",
};

static const char *const towns[] = {
    "Holm Ferry",   "Stannick",   "Carra Bay",     "Dunholt",  "Fairlow",
    "Wendle Green", "Upper Fell", "Hollins Cross", "Marrowby", "Skellan Quay",
};

static const char *const streets[] = {
    "Quay Road",    "Chandler Street", "Ropewalk",       "Anchor Street", "Market Street",
    "Castle Rise",  "Beacon Road",     "Harbour Street", "Mill Lane",     "Station Road",
    "Tanner’s Row", "Brennet Parade",  "Ferry Lane",     "Cooper Street", "Salt Lane",
    "Lantern Row",  "Church Walk",     "Netherway",
};

static const char *const first_names[] = {
    "Amara",  "Ben",       "Chloe",   "Dev",       "Elif",   "Farah",     "Gareth", "Hana",
    "Idris",  "Joanna",    "Kofi",    "Laila",     "Marek",  "Nia",       "Owen",   "Paulina",
    "Rashid", "Sinead",    "Tariq",   "Ursula",    "Victor", "Wen",       "Yusuf",  "Zofia",
    "Aoife",  "Bilal",     "Carys",   "Dmitri",    "Esther", "Fergus",    "Grace",  "Hamza",
    "Ingrid", "Jamal",     "Keiko",   "Lucía",     "Niamh",  "Oluwaseun", "Rosa",   "Samuel",
    "Tomasz", "Valentina", "William", "Agnieszka", "Callum", "Deborah",   "Emeka",  "Freya",
};

static const char *const surnames[] = {
    "Abbott",   "Achebe",  "Baird",     "Bello",     "Chowdhury", "Costa",  "Dunmore",
    "Ellery",   "Fraser",  "Gallagher", "Hussain",   "Jankowski", "Kaur",   "Lindholm",
    "MacLeod",  "Mensah",  "Novak",     "O’Neill",   "Patel",     "Quinn",  "Rahman",
    "Sandoval", "Thorne",  "Underwood", "Varga",     "Whitlock",  "Yilmaz", "Zielinski",
    "Ashworth", "Brennan", "Carvalho",  "Delaney",   "Ekwueme",   "Finch",  "Greer",
    "Haddow",   "Iqbal",   "Jessop",    "Kowalczyk", "Lennox",    "Moreno", "Nakamura",
    "Okafor",   "Pryce",   "Reyes",     "Sørensen",
};

static const char *const trades[] = {
    "Ropeworks", "Bakery",          "Engineering", "Marine",     "Printers", "Cold Store",
    "Joinery",   "Coffee Roasters", "Boatyard",    "Brewery",    "Foods",    "Logistics",
    "Textiles",  "Fabrications",    "Ironmongers", "Sailmakers",
};

static const char *const sites[] = {
    "the former gasworks",      "the old bus depot",         "the disused rope factory",
    "the former cattle market", "the old railway sidings",   "the former Seamen’s Mission",
    "the former paper mill",    "the empty grain warehouse", "the former tannery",
    "the old fire station",     "the former dairy",          "the derelict timber yard",
    "the former naval stores",  "the old brickworks",        "the closed leisure centre",
};

static const char *const school_names[] = {
    "Harbour View", "Beacon",     "St Brigid’s",    "Chandler",    "Riverside", "Oakfield",
    "St Columba’s", "Greystones", "Brennet Valley", "Hillcrest",   "Seaview",   "Elm Grove",
    "Kingfisher",   "Marsh Lane", "Netherway",      "Lantern Row",
};

static const char *const school_kinds[] = {
    "Primary School",   "Academy",       "High School",
    "Community School", "Infant School", "Junior School",
};

static const char *const ship_first[] = {
    "Marten", "Skellan", "Brennet", "Carra", "Brenmoor", "Curlew", "Storm",
    "Grey",   "Silver",  "Morning", "North", "Tern",     "Holm",   "Kittiwake",
};

static const char *const ship_second[] = {
    "Bay",  "Star",    "Pride",     "Venture", "Spirit", "Trader",
    "Dawn", "Carrier", "Endeavour", "Gull",    "Light",  "Voyager",
};

static const char *const venues[] = {
    "the Lantern Theatre",     "the Corn Exchange",
    "the Harbour Arts Centre", "the Regal",
    "the Ropewalk Studio",     "St Columba’s Church",
    "the Fish Market Hall",    "the Old Customs House",
    "the Drill Hall",          "the Assembly Rooms",
    "the Brennet Rooms",       "the Mission Hall",
};

static const char *const festivals[] = {
    "the Riverside Festival",        "the Brennet Folk Weekend", "the Quayside Jazz Festival",
    "the Sea Shanty Festival",       "the Lantern Carnival",     "the Brenmoor Music Fair",
    "the Northgate Choral Festival", "the Tidewater Festival",
};

static const char *const work_adjs[] = {
    "Salt", "Quiet",    "Long",     "Winter", "Drowned", "Lantern", "Iron",   "Empty",
    "Last", "Northern", "Borrowed", "Hollow", "Narrow",  "Harbour", "Second", "Tidal",
};

static const char *const work_nouns[] = {
    "Tide",     "House",   "River",       "Summer", "Shore",   "Lamp",
    "Crossing", "Ferry",   "Orchard",     "Field",  "Weather", "Margin",
    "Mile",     "Kitchen", "Inheritance", "Season", "Quarry",  "Estuary",
};

static const char *const ensembles[] = {
    "the Mariners’ Choir",
    "the Brennet Valley Brass Band",
    "the Harbour Lights Community Choir",
    "the Quayside Jazz Orchestra",
    "the Brenmoor Youth Orchestra",
    "the Silver Tide Band",
    "the Northgate Gospel Choir",
    "the Lantern Fiddlers",
};

static const char *const parties[] = {
    "Common Ground",
    "the Civic Alliance",
    "the Green List",
    "Northgate Independents",
};

static const char *const foreign_cities[] = {
    "Valmora", "Port Selene", "Karsk", "Aldana", "Tessaro", "Veldhaven", "Morra", "San Ilario",
};

struct employer {
        const char *name, *workers;
};

static const struct employer employers[] = {
    {"Northgate General Hospital", "porters and cleaners"},
    {"Brenmoor Buses", "bus drivers"},
    {"Halden Marine", "shipyard workers"},
    {"the Eastbank Container Terminal", "dockers"},
    {"Northgate City Council", "refuse collectors"},
    {"Brennet Homecare", "home care workers"},
    {"the University of Northgate", "cleaning and catering staff"},
    {"Northgate Cold Store", "warehouse workers"},
    {"Skellan Ferries", "ferry crews"},
    {"Brenmoor College", "support staff"},
    {"the Regional Water Authority", "maintenance engineers"},
    {"Brennet Valley Dairy", "production workers"},
};

static const char *const services[] = {
    "libraries",         "street cleaning",   "youth services", "parks and open spaces",
    "adult social care", "road repairs",      "swimming pools", "school transport",
    "museums",           "community centres", "public toilets", "school crossing patrols",
};

static const char *const projects[] = {
    "the Kettle Hill tram extension", "the new Council House offices",
    "the Harbourside leisure centre", "the Tollgate market refurbishment",
    "the Saltings flood barrier",     "the council’s new computer system",
    "the Brennet footbridge repairs", "the Old Quay sea wall",
};

struct bill {
        const char *name, *theme, *tag;
};

static const struct bill bills[] = {
    {"the Regional Housing Bill", "affordable homes", "Housing"},
    {"the Clean Rivers Bill", "river pollution", "River Brennet"},
    {"the Coastal Protection Bill", "coastal erosion", "Environment"},
    {"the Regional Skills Bill", "training for young people", "Jobs"},
    {"the Care Standards Bill", "care for older people", "Health"},
    {"the Community Energy Bill", "community energy schemes", "Energy"},
    {"the Local Bus Services Bill", "rural bus services", "Transport"},
    {"the School Buildings Bill", "school repairs", "Schools"},
};

static const char *const whens[] = {
    "yesterday",
    "last night",
    "this week",
    "earlier this week",
};

/* ---- topics -------------------------------------------------------------- */

enum scope { SCOPE_CITY, SCOPE_REGION, SCOPE_ANY };

struct range {
        int lo, hi, step;
};

struct quote {
        const char *speaker, *text;
};

/* One shape of story within a topic: titles, subtitle, lede and a closing
 * paragraph that agree with each other (a plan, a decision, a row...). */
struct variant {
        const char *titles[3];
        const char *subtitle;
        const char *lede;
        const char *next;
};

struct topic {
        const char *sections[3];
        enum scope scope;
        const char *tags[4];
        const char *reporters[3];
        const char *orgs[3]; /* who may issue statements on it */
        struct range n1, n2, n3, money_k, money2_k, pct;
        bool assembly_votes; /* n1 and n2 are votes for and against */
        struct variant variants[3];
        const char *paras[8]; /* neutral to the variant */
        struct quote quotes[4];
        const char *list_intro;
        const char *list[8];
        const char *heads[4];
        const char *captions[3];
        const char *issues[4];
        const char *points[8];
        const char *opinion_titles[3];
        const char *opinion_paras[4];
        const char *more[3], *more2[3]; /* more paragraphs for each variant */
        /* Which variants an item suits (V1 | V3...); 0 means all of them. */
        unsigned char list_mask, para_mask[8], quote_mask[4], caption_mask[3];
        /* Variants that report good news or plain fact rather than a dispute, and
         * so take none of the shared paragraphs about objections and decisions. */
        unsigned char calm_mask;
};

#define V1 1u
#define V2 2u
#define V3 4u

static const struct topic topics[] = {
    /* housing */
    {
        .sections = {"news/city", "news/region"},
        .scope = SCOPE_ANY,
        .tags = {"Housing", "City Council"},
        .reporters = {"lena-park", "siobhan-mccarthy"},
        .orgs = {"housing-committee", "saltings-tenants"},
        .n1 = {60, 900, 10},
        .n2 = {30, 640, 1},
        .n3 = {3, 9, 1},
        .money_k = {400, 14000, 100},
        .money2_k = {100, 900, 10},
        .pct = {15, 50, 5},
        .variants =
            {
                {{"Plans for {n1} homes on {site} in {place} go to committee",
                  "{Place} residents object to {n1}-home scheme on {site}"},
                 "The scheme would include buildings of up to {n3} storeys, and {pct} per "
                 "cent of the homes would be affordable.",
                 "Plans to build {n1} homes on {site} in {place} will be decided by "
                 "councillors within weeks, after {n2} residents wrote to {council} to object "
                 "to them or support them.",
                 "Officers are expected to publish their recommendation about a week before "
                 "the committee meets. Residents who want to speak at the meeting must "
                 "register by noon on the day before, and the meeting will be streamed online."},
                {{"{n1} homes approved for {site} in {place} despite {n2} objections",
                  "Go-ahead for {n1} homes on {site} in {place} after late-night vote"},
                 "Councillors backed the scheme after hearing from residents who fear for the "
                 "roads and schools around {street}.",
                 "Councillors have approved {n1} homes on {site} in {place}, despite {n2} "
                 "letters of objection from residents who say the area cannot cope with so "
                 "many new neighbours.",
                 "The developer must now agree the details of the conditions with council "
                 "officers before work can begin. It has said it hopes to start clearing the "
                 "site within a year, with the first homes ready about two years later."},
                {{"Developer cuts affordable homes in {place} scheme from {pct} to {pct2} per "
                  "cent",
                  "Row over affordable housing at {n1}-home development in {place}"},
                 "The company blames rising building costs; campaigners say the promise of "
                 "homes for local families is what won the scheme its permission.",
                 "The developer of {n1} homes on {site} in {place} has asked to cut the share "
                 "of affordable homes from {pct} per cent to {pct2} per cent, blaming a steep "
                 "rise in building costs since the scheme was approved.",
                 "The request will go to the planning committee, which can accept it, refuse "
                 "it or ask an independent valuer to check the developer’s figures. Several "
                 "councillors have already said they want those figures published in full."},
            },
        .more =
            {
                "The application will be decided by the planning committee, which has nine "
                "members drawn from all the parties on {council}. Members are expected to "
                "visit the site before the meeting, and officers have already asked the "
                "developer for more detail on drainage and on how construction traffic would "
                "reach it.",
                "The permission comes with conditions covering construction hours, drainage, "
                "the protection of trees along {street2} and the timing of the play area, "
                "which must be finished before half the homes are occupied. Work may not "
                "start before 8am on weekdays, or at all on Sundays.",
                "Campaigners point out that the promise of affordable homes was central to "
                "the case the developer made when it won permission, and that councillors "
                "who backed the scheme cited it again and again. “If the sums no longer "
                "work, the answer is to change the sums, not the promise,” said one "
                "councillor.",
            },
        .paras =
            {
                "The site, between {street} and {street2}, has been empty for more than a "
                "decade. Neighbours say it has become a magnet for fly-tipping, and the "
                "fence around it has been patched so often that residents have stopped "
                "reporting the holes.",
                "Under the plans, {pct} per cent of the homes would be offered for social "
                "rent or shared ownership, with the rest sold on the open market. The "
                "buildings would rise to {n3} storeys at the centre of the site and step "
                "down to two storeys next to the existing houses on {street}.",
                "More than {n2} people have written to {council} about the scheme. Most of "
                "the objections concern traffic, parking and the pressure on schools and "
                "doctors’ surgeries, but a good number of letters support the homes, many of "
                "them from young people who grew up in {place} and say they cannot afford to "
                "stay.",
                "{Place} has one of the longest housing waiting lists in Brenmoor. More than "
                "a thousand households in the area are waiting for a home they can afford to "
                "rent, and the average price of a two-bedroom flat has risen by almost a "
                "fifth in five years.",
                "The developer has offered to pay {money} towards roads, school places and a "
                "new play area as part of the legal agreement that would accompany any "
                "permission. Objectors say that is far too little for a scheme of this size; "
                "council officers say it is in line with similar developments.",
                "Residents of {street} have formed an action group, which has held two "
                "public meetings and put posters in shop windows across {place}. Its members "
                "say they are not opposed to new homes, but want fewer of them, lower "
                "buildings and a second road into the site.",
                "The design includes a small park along one edge of the site, a row of shops "
                "on {street2} and a cycle route to {place2}. There would be one parking "
                "space for every two homes, which the developer says will encourage "
                "residents to use buses and bikes.",
            },
        .quotes =
            {
                {"{p1}, who chairs the {place} residents’ action group",
                 "We are not against new homes. We are against {n1} of them arriving at once, "
                 "on one narrow road, with no new school and no new doctor. That is not a "
                 "neighbourhood. It is a car park with bedrooms."},
                {"{p2}, a spokesperson for the developer",
                 "This is a well-designed scheme that will give hundreds of families a home "
                 "in a part of Brenmoor that has not had enough new housing for a generation. "
                 "We have listened to residents and changed the plans several times."},
                {"{p3}, {age}, who rents a flat above a shop on {street}",
                 "I was born in {place}. My parents are here and my work is here. I have been "
                 "on the waiting list for six years. When people say there are too many "
                 "homes, I wonder where they think people like me are supposed to live."},
            },
        .list_intro = "The main features of the scheme are:",
        .list =
            {
                "{n1} homes, from one-bedroom flats to four-bedroom family houses.",
                "{pct} per cent of the homes for social rent or shared ownership.",
                "Buildings of up to {n3} storeys, stepping down to two at the edges.",
                "A contribution of {money} towards roads, school places and play areas.",
                "A public park and a cycle route to {place2}.",
                "One parking space for every two homes.",
                "Ground-floor shops and workshops on {street2}.",
            },
        .heads = {"What is planned", "The objections", "A long wait for a home",
                  "Traffic and schools"},
        .captions = {"Plans for {site} in {place} have drawn {n2} letters to {council}.",
                     "The homes would be built between {street} and {street2}."},
        .issues = {"the future of {site} in {place}", "repairs to {n1} council homes in {place}",
                   "damp and mould in homes on {street} in {place}",
                   "the {n2} families on the housing waiting list in {place}"},
        .points =
            {
                "Every home on {street} and the surrounding streets will be inspected for "
                "damp and mould within {weeks} weeks.",
                "Urgent repairs will be completed within seven days, and every tenant will "
                "be given a named officer to contact.",
                "At least {pct} per cent of the homes built on {site} must be for social "
                "rent, with priority for households already living in {place}.",
                "Every household on the waiting list will be contacted within three months "
                "to confirm its needs.",
                "No tenant will be moved out of {place} against their wishes while repairs "
                "are carried out.",
                "Figures on open repairs, empty homes and waiting times in {place} will be "
                "published every month.",
                "Tenants’ representatives will sit on the group that oversees the work, with "
                "access to the same information as council officers.",
            },
        .opinion_titles = {"{Place} needs homes, not another decade of arguing about {site}",
                           "The {n1} homes planned for {place} are a test of whether we mean it"},
        .opinion_paras =
            {
                "Every few years someone unveils a plan for {site} in {place}, and every few "
                "years the plan disappears into a fog of consultations, objections and "
                "revised drawings. I have lost count of the versions. Meanwhile the families "
                "on the waiting list grow up in flats that were too small for them a decade "
                "ago.",
                "I understand the objectors. Nobody enjoys the thought of {n1} new "
                "neighbours and the traffic that comes with them. But the question is not "
                "whether the homes will be built somewhere. It is whether they will be built "
                "where people already live, work and send their children to school, or "
                "pushed out to places with no buses and no shops.",
                "The waiting list is not an abstraction. It is the couple in their thirties "
                "still sleeping in the bedroom they had as children, the family of five in a "
                "flat above a takeaway, the pensioner on the fourth floor of a block where "
                "the lift has been broken for months.",
                "If the council wants people to accept new homes, it has to show that it can "
                "deliver what comes with them: the school places, the bus, the doctor’s "
                "surgery. Too often those arrive years late, or not at all, and people "
                "remember.",
            },
    },
    /* transport */
    {
        .list_mask = V3,
        .para_mask = {[1] = V1 | V3, [2] = V1 | V3},
        .quote_mask = {[1] = V1 | V3},
        .sections = {"news/city", "news/region"},
        .scope = SCOPE_ANY,
        .tags = {"Transport", "City Council"},
        .reporters = {"lena-park", "siobhan-mccarthy"},
        .n1 = {800, 14000, 100},
        .n2 = {12, 160, 1},
        .n3 = {4, 25, 1},
        .money_k = {800, 60000, 100},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"{Street} to close for {weeks} weeks as {place} roadworks begin",
                  "Drivers warned of {weeks} weeks of disruption on {street} in {place}"},
                 "The work, costing {money_h}, will replace water mains and resurface the "
                 "road, and buses will be diverted.",
                 "{Street} in {place} will close to traffic for {weeks} weeks from next month "
                 "while workers replace water mains and resurface the road, in a {money} "
                 "project that {council} says is long overdue.",
                 "Diversions will be signed from both ends of {street}, and people on foot "
                 "will still be able to reach shops and homes throughout. Residents with "
                 "questions can visit the project team at a drop-in office on {street2}."},
                {{"Bus route {route} to be cut back in {place}, operator confirms",
                  "Passengers in {place} lose evening buses as route {route} is trimmed"},
                 "Brenmoor Buses says passenger numbers have fallen by {pct} per cent; "
                 "regular users say the timetable drove them away.",
                 "Brenmoor Buses is to cut evening and Sunday services on route {route} "
                 "through {place}, blaming a fall of {pct} per cent in passenger numbers "
                 "since the route was last changed.",
                 "The changes take effect in six weeks. The Regional Assembly’s transport "
                 "department said it would look at whether any journeys could be supported "
                 "with public money, but warned that its budget for such services was fully "
                 "committed."},
                {{"{Money_h} bus and cycle lane scheme for {place} wins funding",
                  "New bus lanes on {street} to cut {n3} minutes from {place} journeys"},
                 "Journeys into the centre could be {n3} minutes quicker at rush hour, but "
                 "{n2} parking spaces would go.",
                 "A {money} scheme to give buses and cyclists their own lanes along {street} "
                 "in {place} has been awarded funding, promising to cut rush-hour journey "
                 "times by up to {n3} minutes.",
                 "Detailed designs will be published for consultation in the coming months, "
                 "and work could begin next year if the scheme is approved. {Council} has "
                 "promised to talk to every business on {street} about deliveries and loading."},
            },
        .more =
            {
                "Engineers say the water mains under {street} are more than a century old "
                "and have burst several times in recent years, flooding cellars and closing "
                "the road without warning. Replacing them in one go, they argue, will cause "
                "less disruption in the long run than repeated emergency repairs.",
                "Regular passengers say each change to the timetable has made the service "
                "harder to rely on, and that the fall in passengers followed the cuts rather "
                "than caused them. Several said they had started paying for taxis they could "
                "not afford, or had stopped making some journeys altogether.",
                "The money comes from the Regional Assembly’s active travel programme, which "
                "pays for schemes that make it easier to walk, cycle and use public "
                "transport. {Council} must pay a quarter of the cost and has set the money "
                "aside.",
            },
        .paras =
            {
                "About {n1} people travel along {street} on an average weekday, according to "
                "counts by {council}, most of them by car or bus. At peak times traffic "
                "backs up from the junction with {street2}, and buses can take longer to "
                "cover the last mile than the rest of their journey.",
                "Traders on {street} have mixed feelings. Several told the Courier they "
                "supported better buses and safer cycling, but worried about losing the "
                "parking that many of their older customers rely on. “Half my customers are "
                "over seventy,” said one shop owner. “They are not going to cycle here.”",
                "Campaigners for safer streets point out that {place} has seen a steady run "
                "of collisions involving pedestrians and cyclists in recent years, several "
                "of them near schools. They argue that anything that slows traffic and gives "
                "people on foot more room will save lives.",
                "Bus users say reliability matters more to them than speed. “I don’t mind a "
                "long journey,” said {p4}, who travels from {place} to work in {place2} "
                "every day. “What I mind is standing at a stop not knowing whether the bus "
                "is coming at all.”",
                "The Regional Assembly’s new transport law gives it the power to plan bus "
                "routes and set fares across Brenmoor, but the first contracts under the new "
                "system are some way off. Until then, most services outside the tram network "
                "are run commercially, and operators can change them at a few weeks’ notice.",
                "Transport planners say {area} faces a choice it has put off for decades. "
                "Its roads were laid out for carts and widened for lorries, and there is no "
                "room left to widen them again. Every new household adds journeys; the only "
                "question is how those journeys are made.",
            },
        .quotes =
            {
                {"{p1}, who speaks on transport for {council}",
                 "We cannot keep asking people to leave their cars at home and then give them "
                 "nothing to leave them for. This is about giving people in {place} a real "
                 "choice."},
                {"{p2}, who has run a shop on {street} for {years} years",
                 "Every time they dig up this road, I lose a quarter of my trade for as long "
                 "as the barriers are up. I am not against any of it. I just want someone to "
                 "tell me when it will end, and to mean it."},
                {"{p3}, {age}, who catches the bus every day",
                 "Without the bus I cannot get to the hospital, to the shops or to see my "
                 "grandchildren. The people who decide these things drive cars. They don’t "
                 "know what it is like to wait forty minutes in the rain."},
            },
        .list_intro = "The main changes are:",
        .list =
            {
                "A bus lane in each direction along most of {street}.",
                "A cycle lane separated from traffic by a low kerb.",
                "Wider pavements and new crossings near schools.",
                "The loss of about {n2} on-street parking spaces.",
                "A 20mph speed limit through the centre of {place}.",
                "New bus shelters with live departure screens.",
                "Loading bays for deliveries before 10am.",
            },
        .heads = {"Who uses the road", "Traders’ worries", "The bus question"},
        .captions = {"About {n1} people use {street} on an average weekday.",
                     "Changes are planned for {street} in {place}."},
        .opinion_titles = {"Route {route} and the bus {place} deserves",
                           "The fight over {street} in {place} is about more than parking"},
        .opinion_paras =
            {
                "I do not drive, and have not for twenty years. So I see {street} from the "
                "pavement, or from the top deck of a bus that is usually late. From there "
                "the argument about the scheme looks rather different from the way it is "
                "described in the council chamber.",
                "The people most affected by transport decisions are the least likely to be "
                "asked about them: the shift worker, the pensioner without a car, the "
                "teenager trying to reach college. They do not go to evening consultations. "
                "They are on the bus.",
                "Every bus that is cut makes the next cut easier, because fewer people can "
                "rely on the service and so fewer people use it. It is a spiral, and it ends "
                "with a timetable that exists mainly on paper.",
                "Nobody loves roadworks, and nobody loves losing the parking space outside "
                "their front door. But our streets were built for a city that no longer "
                "exists, and pretending otherwise only means that change, when it comes, is "
                "rushed and badly done.",
            },
    },
    /* schools */
    {
        .calm_mask = V3,
        .list_mask = V1,
        .quote_mask = {[2] = V1 | V2},
        .caption_mask = {[1] = V1 | V2},
        .sections = {"news/city", "news/region"},
        .scope = SCOPE_ANY,
        .tags = {"Schools", "City Council"},
        .reporters = {"lena-park", "siobhan-mccarthy"},
        .n1 = {120, 900, 10},
        .n2 = {30, 420, 10},
        .n3 = {3, 16, 1},
        .money_k = {900, 24000, 100},
        .money2_k = {40, 600, 10},
        .pct = {8, 52, 1},
        .variants =
            {
                {{"{School} to expand by {n2} places as {place} grows",
                  "{Money_h} extension planned for {school} in {place}"},
                 "The school, which has {n1} pupils, would gain {n3} classrooms and a new "
                 "hall.",
                 "{School} in {place} is to take {n2} more pupils under plans for a {money} "
                 "extension, as {council} tries to keep up with a rising number of children "
                 "in the area.",
                 "If planning permission is granted, building would start during the school "
                 "holidays and the first new classrooms would be ready about a year later."},
                {{"Parents protest at plan to merge {school} and {school2}",
                  "{School} and {school2} in {place} could merge as pupil numbers fall"},
                 "{Council} says falling rolls leave both schools with empty places; parents "
                 "say the walk between them is too far for young children.",
                 "Parents in {place} have launched a campaign against plans to merge {school} "
                 "and {school2}, which {council} says are both too small to remain viable as "
                 "the number of young children in the area falls.",
                 "A formal consultation will run for {weeks} weeks. No decision will be taken "
                 "before it ends, and any merger would not take effect for at least a year."},
                {{"Inspectors praise {school} after {years}-year turnaround",
                  "{School} in {place} rated good for the first time in {years} years"},
                 "Judged to be failing {years} years ago, the school now has teaching that "
                 "inspectors call consistently strong.",
                 "{School} in {place}, which inspectors judged to be failing {years} years "
                 "ago, has been rated good in every category, in what its head teacher called "
                 "a tribute to the pupils, staff and families who refused to give up on it.",
                 "The full report will be published by the inspectorate within a fortnight, "
                 "and the school will hold an open evening for prospective parents next month."},
            },
        .more =
            {
                "Pupil numbers in {place} have grown with new housing, and for the past two "
                "years the school has turned away families living within a few streets of "
                "its gates. Some children now travel across {area} to schools with spare "
                "places.",
                "Under the proposal, the two schools would share a single site, and the "
                "other building would be sold or converted. Parents say the walk between "
                "them crosses {street}, one of the busiest roads in {place}, and that "
                "younger children would have to be driven.",
                "The inspectors singled out the teaching of reading, the behaviour of pupils "
                "and the way the school works with families. They found pupils “polite, "
                "curious and proud of their school”, and said staff knew each child well.",
            },
        .paras =
            {
                "{School} has {n1} pupils, about {pct} per cent of whom are entitled to free "
                "school meals, well above the average for Brenmoor. More than a dozen "
                "languages are spoken by its families, and staff say the mix is one of the "
                "school’s great strengths.",
                "Head teachers across {area} say the pressures on schools have grown "
                "sharply. More children arrive with speech and language difficulties, more "
                "families struggle to pay for food and uniforms, and support services that "
                "schools once relied on have been cut back.",
                "Parts of the school building date from the 1930s and have needed repair for "
                "years. Staff say the roof over the hall leaks in heavy rain, and one "
                "classroom has been out of use since a ceiling panel fell during the "
                "holidays.",
                "Parents who spoke to the Courier at the gates were almost all positive "
                "about the teaching. Their worries were about the things around it: class "
                "sizes, the state of the playground and traffic on {street} at the start and "
                "end of the day.",
                "Birth rates in Brenmoor have fallen for most of the past decade, and the "
                "effect is now reaching primary schools. But the picture is uneven: new "
                "housing in some neighbourhoods means rising numbers there, even as "
                "classrooms empty elsewhere.",
                "The school’s breakfast club, run by volunteers and paid for by local "
                "businesses, now feeds about {n4} children every morning. Staff say it has "
                "made a visible difference to attendance and to how well pupils concentrate "
                "in the first lessons of the day.",
            },
        .quotes =
            {
                {"{p1}, the head teacher of {school}",
                 "Our children deserve the same chances as children anywhere. They do not "
                 "need our pity. They need good teaching, high expectations and a building "
                 "that does not leak, and we are going to keep fighting for all three."},
                {"{p2}, whose two children go to the school",
                 "We chose this school because it felt like a family. The teachers know every "
                 "child’s name. Whatever happens next, that is the thing I want protected."},
                {"{p3}, who speaks for children’s services at {council}",
                 "We have to plan for the number of children we will actually have, not the "
                 "number we had ten years ago. That means some difficult decisions, and we "
                 "will make them in the open."},
            },
        .list_intro = "The plans include:",
        .list =
            {
                "{n3} new classrooms, built in two phases.",
                "A hall that can be used for assemblies, sport and community events.",
                "A larger playground, with a covered area for wet days.",
                "A safer drop-off area away from {street}.",
                "Step-free access throughout the building.",
                "Solar panels and better insulation to cut energy bills.",
            },
        .heads = {"Inside the school", "What parents say", "Numbers and money"},
        .captions = {"{School} has {n1} pupils.",
                     "Parents and staff at {school} are waiting for a decision."},
        .opinion_titles = {"What {school} in {place} can teach the rest of us",
                           "Small schools like {school} are worth fighting for"},
        .opinion_paras =
            {
                "I spent thirty years in classrooms, and I still cannot walk past a school "
                "gate at half past three without slowing down to listen. {School} in {place} "
                "is a good school, as good schools go: noisy, crowded, patched up and full "
                "of people doing more than they are paid to.",
                "Every argument about schools is, in the end, an argument about what we "
                "think children are owed. I think they are owed a warm room, a teacher who "
                "knows their name and the belief of the adults around them that they can do "
                "well. Everything else is detail.",
                "The people who make decisions about schools rarely spend an ordinary week "
                "in one. If they did, they would see how much of a teacher’s day goes on "
                "things that have nothing to do with teaching: finding a coat for a child "
                "who has none, ringing a parent who never answers, mopping up under the leak "
                "in the roof.",
                "A school is also one of the last places where a whole neighbourhood meets. "
                "The school gate is where new families make friends, where news is passed on "
                "and where people notice who is struggling. Close a school and you lose more "
                "than classrooms.",
            },
    },
    /* harbour and shipping */
    {
        .calm_mask = V1 | V3,
        .sections = {"business/harbour"},
        .scope = SCOPE_CITY,
        .tags = {"Harbour", "Shipping", "Fishing", "Jobs"},
        .reporters = {"tomas-lindqvist", "priya-raman"},
        .orgs = {"northgate-harbour-board", "harbour-workers-union"},
        .n1 = {120000, 680000, 1000},
        .n2 = {12, 240, 1},
        .n3 = {3, 12, 1},
        .money_k = {2000, 60000, 100},
        .money2_k = {3000, 22000, 100},
        .pct = {3, 28, 1},
        .variants =
            {
                {{"Container traffic through Eastbank rises {pct} per cent to {n1} boxes",
                  "Port of Northgate handles {n1} containers as trade recovers"},
                 "The Harbour Board credits new shipping routes; the union says growth must "
                 "bring more permanent jobs.",
                 "The Port of Northgate handled {n1} containers at the Eastbank terminal over "
                 "the past year, an increase of {pct} per cent, according to figures "
                 "published by the Northgate Harbour Board {when}.",
                 "The board will publish its full annual report next month, including figures "
                 "for bulk cargo, fish landings and ferry passengers."},
                {{"Harbour Board to spend {money_h} on new cranes at Eastbank",
                  "{Money_h} investment at Eastbank to create {n2} jobs"},
                 "New ship-to-shore cranes will let the terminal handle larger vessels, and "
                 "the board promises training places for local people.",
                 "The Northgate Harbour Board is to spend {money} on new cranes and quay "
                 "improvements at the Eastbank Container Terminal, an investment it says will "
                 "create {n2} permanent jobs.",
                 "The cranes will arrive by sea, fully assembled, in about eighteen months. "
                 "Work to strengthen the quay to take their weight will begin later this year."},
                {{"The {ship} makes her last crossing after {years} years on the Skellan Isles "
                  "route",
                  "Farewell to the {ship}, the ferry that served the islands for {years} years"},
                 "A new vessel, built to run on batteries for part of each crossing, takes "
                 "over the route next month.",
                 "The ferry {ship} made her final crossing to the Skellan Isles {when} after "
                 "{years} years on the route, watched by crowds on the quay at Old Quay and "
                 "on the pier at the other end.",
                 "The {ship} will be sold. The operator said several buyers had shown "
                 "interest, including a company that runs ferries on a river abroad."},
            },
        .more =
            {
                "Much of the growth has come from two new shipping services that call at "
                "Eastbank every week, linking Northgate with ports across the sea. The "
                "Harbour Board says it has also won business from shippers frustrated by "
                "congestion at larger ports along the coast.",
                "The new cranes will be electric and able to reach across ships twenty-four "
                "containers wide, compared with eighteen for the largest cranes now on the "
                "quay. The board says they will also be quieter, a point it has been keen to "
                "make to residents across the river in Harbourside.",
                "Launched with a bottle of island whisky, the {ship} carried generations of "
                "islanders to school, to hospital, to weddings and to funerals. Her crews "
                "say she was slow, stubborn and utterly reliable in weather that kept other "
                "boats in harbour.",
            },
        .paras =
            {
                "The port employs about 2,900 people directly, and the Harbour Board "
                "estimates that another 6,000 jobs in Brenmoor depend on it, from hauliers "
                "and cold stores to ship repairers and chandlers. Its fortunes have long "
                "been a good guide to the health of the regional economy.",
                "Eastbank has changed almost beyond recognition in a generation. Where there "
                "were once dozens of small berths handling timber, coal and grain, there is "
                "now a single container terminal, worked around the clock and run largely "
                "from a control room.",
                "The Northgate Harbour Workers’ Union says growth at the port has not always "
                "meant good jobs. It estimates that about one in five people working at the "
                "terminal are employed through agencies on short contracts, and wants more "
                "of them taken on permanently.",
                "The fishing fleet at Old Quay, once the largest on this stretch of coast, "
                "now numbers about forty boats, most of them small inshore vessels working "
                "crab, lobster and mussels. Fishermen say they are squeezed by bigger ships, "
                "rising fuel costs and new rules about where they can work.",
                "Shipping lines choose ports on price, reliability and the depth of water, "
                "and Northgate competes with larger ports along the coast. The Harbour Board "
                "says deepening the Brennet channel will let the biggest ships reach "
                "Eastbank at any state of the tide.",
                "Residents of Harbourside and the Saltings have complained for years about "
                "noise and fumes from ships and lorries. The board has promised shore power "
                "at the ferry berths, so that vessels can switch off their engines while "
                "they are tied up.",
            },
        .quotes =
            {
                {"{p1}, a crane operator at Eastbank for {years} years",
                 "When I started there were three times as many people on the quay and half "
                 "the boxes. The work is safer now in some ways and harder in others. What "
                 "hasn’t changed is that the port runs on people who turn up at three in the "
                 "morning in the rain."},
                {"Alastair Venn, the Harbour Board’s chief executive",
                 "The port has to keep investing or it will slowly lose its place. Every ship "
                 "that goes elsewhere takes work away from Northgate. Our job is to make sure "
                 "they have no reason to."},
                {"{p2}, who skippers a crab boat out of Old Quay",
                 "We were here before the containers and we mean to be here after them. All "
                 "we ask is that when the board makes its plans, it remembers there are small "
                 "boats in the harbour as well as big ones."},
            },
        .list_intro = "According to the Harbour Board’s figures:",
        .list =
            {
                "The Eastbank terminal handled {n1} containers over the year.",
                "Ferries to the Skellan Isles carried about 410,000 passengers.",
                "The fishing fleet landed catches worth {money2}.",
                "The average ship calling at Eastbank was {pct} per cent larger than five "
                "years ago.",
                "Cruise ships called 38 times, bringing about 60,000 passengers ashore at "
                "Old Quay.",
                "About one in five terminal workers was employed through an agency.",
            },
        .heads = {"Life on the quay", "Big ships and small boats", "The port and the city"},
        .captions = {"The Port of Northgate employs about 2,900 people directly.",
                     "Eastbank has changed almost beyond recognition in a generation."},
        .issues = {"night-shift safety at Eastbank after {n2} reported near misses",
                   "agency contracts for {n2} workers at the Port of Northgate",
                   "the future of the {ship}",
                   "noise and fumes from ships moored near {street} in {place}"},
        .points =
            {
                "A second signaller on duty for every crane working at night.",
                "Permanent contracts for agency workers employed at the port for more than "
                "{n3} months.",
                "No reduction in crewing on the Skellan Isles ferries.",
                "An independent review of lighting and fatigue on the night shift, published "
                "in full.",
                "Training places every year for at least {n2} young people from the city.",
                "Shore power at every ferry berth within three years.",
                "A seat for port workers’ representatives on the Harbour Board.",
            },
        .opinion_titles = {"The {ship} and the promise the port made to {place}",
                           "Northgate forgets its harbour at its peril, as the {ship} reminds us"},
        .opinion_paras =
            {
                "My grandfather worked the docks, and so did half the men on our street. I "
                "grew up with the sound of the harbour at night: the chains, the horns, the "
                "shouting. The harbour is quieter now, and more profitable, and much further "
                "from most of the people who live here.",
                "The Harbour Board likes to remind us that it is a trust port, with no "
                "shareholders and a duty to the city. I would like it to remind itself of "
                "that a little more often, and not only when it is asking the Assembly for "
                "money.",
                "The port still shapes the city in ways we barely notice: the lorries on the "
                "ring road, the smell of diesel on an east wind, the cranes that are the "
                "first thing you see of Northgate from the hills. It would be good if the "
                "people who run it noticed the city back.",
                "I do not begrudge the port its success. I would simply like more of the "
                "people who live within sight of the cranes to share in it: better jobs, "
                "cleaner air, a sea wall that holds.",
            },
    },
    /* economy */
    {
        .calm_mask = V1,
        .list_mask = V2 | V3,
        .para_mask = {[0] = V1 | V2, [5] = V1},
        .quote_mask = {[0] = V1 | V2},
        .caption_mask = {[0] = V1 | V2},
        .sections = {"business/economy"},
        .scope = SCOPE_ANY,
        .tags = {"Small Business", "Jobs"},
        .reporters = {"priya-raman", "tomas-lindqvist"},
        .n1 = {12, 340, 1},
        .n2 = {6, 140, 1},
        .n3 = {3, 9, 1},
        .money_k = {250, 18000, 50},
        .money2_k = {50, 900, 10},
        .pct = {4, 28, 1},
        .variants =
            {
                {{"{Biz} to create {n1} jobs with move to {place}",
                  "{Biz} expands to {place} with {money_h} investment"},
                 "The family-owned firm, founded {n2} years ago, says it has outgrown its "
                 "premises on {street}.",
                 "{Biz}, one of the longest-established family businesses in Brenmoor, is to "
                 "move to a larger site in {place} in a {money} expansion that will create "
                 "{n1} jobs over the next three years.",
                 "The company hopes to move within a year. It says it will advertise the "
                 "first jobs in the coming months and will work with Brenmoor College on "
                 "apprenticeships."},
                {{"{Biz} to close after {n2} years on {street}",
                  "End of an era in {place} as {biz} shuts its doors after {n2} years"},
                 "Rising rents and energy bills are blamed for the closure, which will cost "
                 "{n1} jobs.",
                 "{Biz}, which has traded on {street} in {place} for {n2} years, is to close "
                 "next month with the loss of {n1} jobs, its owners said {when}.",
                 "The company said all staff would be paid in full until the closure and that "
                 "it would help them find new work. The future of the building has not been "
                 "decided."},
                {{"Empty shops on {street} in {place} rise to {pct} per cent as rents climb",
                  "One in {n3} shops on {street} in {place} now empty, traders say"},
                 "Traders say business rates and parking charges matter more than online "
                 "shopping.",
                 "A survey by the Northgate Chamber of Commerce, published {when}, has found "
                 "that {pct} per cent of shop units in {place} are empty, giving one of the "
                 "clearest pictures yet of how the area’s high street is changing.",
                 "The Chamber will present its findings to {council} next month and has asked "
                 "to meet the councillor responsible for the local economy."},
            },
        .more =
            {
                "The company employs about forty people at its premises on {street}, where "
                "it has run out of room for new machinery. All existing staff have been "
                "offered jobs at the new site, and the firm says it will run a minibus for "
                "those who cannot easily get there.",
                "Staff were told of the decision at a meeting before the doors opened "
                "{when}. Several had worked there for more than twenty years, and some "
                "customers were in tears at the counter when they heard the news.",
                "The survey counted every ground-floor unit in {place} over two weeks, "
                "recording whether each was trading, empty or used by a charity. Betting "
                "shops, vape shops and charity shops have grown in number, while clothes "
                "shops, banks and butchers have declined.",
            },
        .paras =
            {
                "Founded {n2} years ago in a single room above a shop, {biz} grew by "
                "supplying businesses across the region and, more recently, customers "
                "online. Its owners say it has survived recessions, fires and floods by "
                "keeping its costs down and its customers close.",
                "Business owners across {place} describe the same pressures: energy bills "
                "that doubled in two years, rents that rise faster than takings, and "
                "customers who are spending less because their own bills have gone up. Many "
                "say they now pay themselves less than their staff.",
                "The Northgate Chamber of Commerce says small firms employ more than half of "
                "all private-sector workers in Brenmoor. Its latest survey found that a "
                "third of its members expected to cut staff or hours in the coming year, and "
                "one in ten was considering closing.",
                "Not all the news is bad. New businesses keep opening in {place}, many of "
                "them run by young people or by families who arrived in the city in recent "
                "years: bakeries, repair shops, small manufacturers and cafés that double as "
                "workspaces.",
                "Economists at the University of Northgate say the region has been slower to "
                "recover than the rest of the country, held back by low wages, poor "
                "transport links and a shortage of skilled workers in construction and "
                "engineering.",
                "The new premises are close to the ring road and the port, which the company "
                "says will cut its delivery costs. Neighbours have asked for assurances "
                "about lorries at night, and the firm says deliveries will be limited to "
                "daytime hours.",
            },
        .quotes =
            {
                {"{p1}, the managing director of {biz}",
                 "We have been part of this community for {n2} years, and we want to be part "
                 "of it for a good while yet. The decisions we have had to make have not been "
                 "easy, but they have been made with our people in mind."},
                {"{p2}, who runs a café on {street}",
                 "Every month I look at the bills and wonder if it is worth it. Then the "
                 "regulars come in and I remember why I do it. But loyalty doesn’t pay the "
                 "electricity."},
                {"{p3}, of the Northgate Chamber of Commerce",
                 "Small businesses are the backbone of {place}. They are also the first to "
                 "feel it when costs rise and the last to get help. We want {council} to "
                 "treat them as partners, not as a source of revenue."},
            },
        .list_intro = "The Chamber’s survey found that:",
        .list =
            {
                "{pct} per cent of shop units in {place} are empty.",
                "Two in five traders say energy is now their largest cost after staff.",
                "More than half have raised prices in the past year.",
                "A quarter have cut their opening hours.",
                "Only one in ten expects trade to improve in the coming year.",
                "Parking charges were customers’ most common complaint.",
            },
        .heads = {"Under pressure", "The view from the counter", "A changing high street"},
        .captions = {"{Biz} has traded for {n2} years.",
                     "Traders in {place} describe rising costs."},
        .opinion_titles = {"Every empty shop on {street} is a small defeat for {place}",
                           "We should pay more attention to firms like {biz}"},
        .opinion_paras =
            {
                "I buy my bread, my newspaper and my light bulbs from shops within five "
                "minutes of my front door, and I have done for forty years. I know the "
                "people who run them. I know when their children were born and when their "
                "parents died. You cannot say that about a website.",
                "There is a tendency to treat the closing of a shop as a natural event, like "
                "the tide going out. It is not. It is the result of decisions about rents, "
                "rates, parking and planning, made by people who could have made them "
                "differently.",
                "Every town has a few businesses that matter more than their size suggests: "
                "the hardware shop that will sell you a single screw, the café that lets the "
                "old men sit for two hours over one pot of tea. When they go, the place "
                "becomes a little less itself.",
                "The council cannot set the price of electricity or make people shop "
                "locally. But it does set rates and parking charges, and it decides whether "
                "empty shops are treated as a problem to be solved or a fact to be regretted.",
            },
    },
    /* work */
    {
        .sections = {"business/work"},
        .scope = SCOPE_ANY,
        .tags = {"Jobs", "Strikes"},
        .reporters = {"priya-raman"},
        .orgs = {"harbour-workers-union", "care-workers-union"},
        .n1 = {40, 900, 5},
        .n2 = {2, 14, 1},
        .n3 = {55, 94, 1},
        .money_k = {300, 9000, 50},
        .money2_k = {50, 900, 10},
        .pct = {6, 15, 1},
        .variants =
            {
                {{"Strike vote at {employer}: {n3} per cent of {workers} reject {pct2} per "
                  "cent offer",
                  "Strike looms at {employer} as {n1} {workers} reject {pct2} per cent offer"},
                 "The union says {n3} per cent of members who voted backed action; management "
                 "says its offer is fair and affordable.",
                 "{Workers} at {employer} have voted to strike after rejecting a pay offer of "
                 "{pct2} per cent, raising the prospect of walkouts within weeks.",
                 "The union must give at least two weeks’ notice of any strike. Both sides "
                 "said they were willing to return to talks at the offices of the regional "
                 "conciliation service."},
                {{"{Workers} at {employer} accept {pct2} per cent deal after {n2} days of "
                  "strikes",
                  "Pay deal worth {pct2} per cent agreed at {employer}, ending dispute in "
                  "{place}"},
                 "The agreement gives {pct2} per cent this year and a review of rotas; the "
                 "union had asked for {pct} per cent.",
                 "{Workers} at {employer} have voted to accept a new pay deal, ending a "
                 "dispute that brought {n2} days of strikes and disrupted services across "
                 "{place}.",
                 "The new rates will be backdated and paid from next month. The union said it "
                 "would keep a close eye on how the changes to rotas were introduced."},
                {{"Union warns of up to {n1} job losses at {employer}",
                  "{Employer} plans to cut {n1} posts, union says"},
                 "Management says no decisions have been made and that it hopes to avoid "
                 "compulsory redundancies.",
                 "The union representing {workers} at {employer} has warned that up to {n1} "
                 "jobs could go under restructuring plans seen by its officials, in a letter "
                 "sent to members {when}.",
                 "A formal consultation with staff must last at least 45 days before any "
                 "redundancies can be made. The union has asked to meet the chief executive "
                 "and has written to local councillors."},
            },
        .more =
            {
                "The ballot closed {when}. A strike can go ahead only if at least half of "
                "those entitled to vote took part, and the union says turnout comfortably "
                "passed that threshold.",
                "Union members voted on the offer at meetings held over three days, "
                "including sessions timed for people on night shifts. Some said they had "
                "accepted reluctantly, because they could not afford more days without pay.",
                "According to the union, the plans would merge several departments and move "
                "some work to contractors. Management describes the document as a draft and "
                "says alternatives are being considered.",
            },
        .paras =
            {
                "Hundreds of {workers} are employed by {employer}, many of them on shifts "
                "that start before dawn or finish after midnight. The union says pay has "
                "fallen well behind the cost of living, with rent and food taking a larger "
                "share of wages every year.",
                "Managers say the organisation is under severe financial pressure, with "
                "costs rising faster than income, and that any settlement must be affordable "
                "without cutting services. They point out that staff have received increases "
                "in each of the past three years.",
                "Workers who spoke to the Courier, most of whom asked not to be named, "
                "described long shifts, short staffing and a feeling that their concerns "
                "were not taken seriously. “We keep the place running,” said one. “Most days "
                "it doesn’t feel like anyone notices.”",
                "Disputes of this kind have become more common across Brenmoor as employers "
                "struggle with rising costs and staff struggle with rising bills. Bus "
                "drivers, care workers and council staff have all taken strike action in the "
                "past two years.",
                "The union has held a series of meetings for staff at {employer}, some "
                "before dawn to reach night-shift workers as they came off duty. Officials "
                "say attendance has been the highest they can remember.",
                "The regional conciliation service, which helps employers and unions resolve "
                "disputes, has offered to chair talks. Both sides say they are willing to "
                "use it, although neither has yet agreed to the dates proposed.",
            },
        .quotes =
            {
                {"{p1}, a union representative at {employer}",
                 "Nobody wants to strike. People lose money every day they are out, and they "
                 "care about the work they do. But they have been pushed to the point where "
                 "they feel they have no choice."},
                {"{p2}, a spokesperson for {employer}",
                 "We value our staff and we want to reach an agreement. But we have to be "
                 "responsible with the money we have, and we cannot promise what we cannot "
                 "afford."},
                {"{p3}, who has worked for {employer} for {years} years",
                 "When I started, one wage could pay the rent and feed a family. Now I know "
                 "colleagues who are using food banks. Something has gone badly wrong."},
            },
        .list_intro = "The union’s main demands are:",
        .list =
            {
                "A pay rise of {pct} per cent, backdated to the start of the year.",
                "An end to unpaid overtime at the end of shifts.",
                "Permanent contracts for agency staff with more than six months’ service.",
                "A review of staffing levels on night shifts.",
                "Sick pay from the first day of illness.",
                "Paid breaks on shifts of more than six hours.",
            },
        .heads = {"The offer", "On the shop floor", "The wider picture"},
        .captions = {"{Workers} at {employer} have been in dispute over pay.",
                     "The union says pay has fallen behind the cost of living."},
        .issues = {"the {pct2} per cent pay offer to {n1} {workers} at {employer}",
                   "the threat to {n1} jobs at {employer}",
                   "night-shift staffing at {employer} after {n2} days of strikes"},
        .points =
            {
                "An immediate return to talks, chaired by the regional conciliation service.",
                "A pay offer that at least matches the rise in the cost of living over the "
                "past year.",
                "No compulsory redundancies while talks are under way.",
                "Publication of the staffing figures on which management’s plans are based.",
                "Permanent contracts for agency workers with more than six months’ service.",
                "No disciplinary action against any worker for taking part in lawful "
                "industrial action.",
            },
        .opinion_titles =
            {"The {workers} at {employer} are asking for {pct} per cent. That is very "
             "little",
             "A strike is a last resort. Ask how {employer} reached it in {place}"},
        .opinion_paras =
            {
                "I have never been on strike, but my father was, twice, and I remember both "
                "times. I remember the tins of soup, the quiet kitchen, the neighbours who "
                "left coal on the step. Nobody strikes lightly. People who say otherwise "
                "have rarely had to.",
                "When a dispute reaches the point of a strike, it is tempting to take sides "
                "according to who is most inconvenienced. It is more useful to ask how it "
                "got there: who stopped listening first, and what it would have cost to "
                "listen sooner.",
                "I have heard it said that the workers should be grateful to have jobs at "
                "all. I have never once heard it said of the people who run the "
                "organisations that employ them.",
                "The people who clean our hospitals, drive our buses and care for our "
                "parents are not a cost to be managed. They are the reason any of those "
                "things happen. That is worth remembering before the next round of "
                "negotiations, not after the next strike.",
            },
    },
    /* council budget */
    {
        .sections = {"politics/council"},
        .scope = SCOPE_CITY,
        .tags = {"City Budget", "City Council"},
        .reporters = {"farid-haddad"},
        .n1 = {40, 400, 5},
        .n2 = {400, 9000, 10},
        .n3 = {2, 9, 1},
        .money_k = {6000, 30000, 100},
        .money2_k = {200, 4000, 10},
        .pct = {2, 5, 1},
        .variants =
            {
                {{"Council to consult on {money2_h} savings in {service}",
                  "Cuts of {money2_h} proposed for {service} in draft budget"},
                 "The savings are part of the council’s plan to close a {money_h} gap in next "
                 "year’s budget.",
                 "Northgate City Council is to ask residents for their views on saving "
                 "{money2} from {service}, as it tries to close a gap of {money} in next "
                 "year’s budget.",
                 "The consultation will run for {weeks} weeks. The cabinet will consider the "
                 "responses before the full council sets the budget and the level of council "
                 "tax."},
                {{"{Service} spared from cuts after {n2} residents respond",
                  "U-turn on {service} as council finds {money2_h} elsewhere"},
                 "After {n2} responses to its consultation, the cabinet has found savings "
                 "elsewhere.",
                 "Proposed cuts of {money2} to {service} have been dropped from Northgate "
                 "City Council’s budget after {n2} residents responded to a consultation, "
                 "most of them opposing the plans.",
                 "The revised budget will go to the full council for approval next month. The "
                 "opposition has said it will propose amendments."},
                {{"Opposition calls for inquiry into {money2_h} overspend on {project}",
                  "Cost of {project} rises by {money2_h}"},
                 "The council says the rise reflects inflation in building costs; critics say "
                 "warnings were ignored.",
                 "The cost of {project} has risen by {money2}, according to a report to "
                 "councillors published {when}, prompting opposition calls for an independent "
                 "inquiry.",
                 "The report will be discussed by the council’s audit committee, which meets "
                 "in public next month. The committee can ask for an independent review but "
                 "cannot stop the project."},
            },
        .more =
            {
                "Officers have ranked the savings by the harm they would cause, and put the "
                "proposals for {service} among those with a “moderate” effect on residents. "
                "Critics say that word hides a great deal.",
                "The cabinet has found the money by delaying two building projects, cutting "
                "spending on consultants and drawing a little more from reserves than it had "
                "planned. Officers have warned that the last of those can only be done once.",
                "The report blames higher prices for steel and concrete, delays caused by "
                "bad weather and design changes made after work began. Officers say the "
                "project will still be finished, but about a year later than planned.",
            },
        .paras =
            {
                "The council’s budget for day-to-day services is about £520 million a year, "
                "most of it spent on care for children and adults, schools and waste "
                "collection. Its income comes from council tax, business rates, fees and "
                "charges, and grants from the Regional Assembly and national government.",
                "Demand for social care has risen sharply, and the cost of placing children "
                "in private children’s homes has more than doubled in five years. Officers "
                "say these two areas alone account for most of the pressure on the budget.",
                "The council has already used much of its reserves to balance previous "
                "budgets. Auditors have warned that using them again would leave it little "
                "protection against the unexpected, such as a major flood or a fall in "
                "income.",
                "Opposition councillors accuse the administration of poor financial "
                "management. The Civic Alliance says the council spends too much on agency "
                "staff and consultants; the Green List says it should raise more from car "
                "parking and large businesses.",
                "Residents who responded to previous budget consultations consistently put "
                "{service} among the services they valued most, alongside bin collections "
                "and care for older people.",
                "Council tax in Northgate is close to the average for Brenmoor. Any rise "
                "above the limit set by the Regional Assembly would require a local "
                "referendum, which the council has said it does not intend to hold.",
            },
        .quotes =
            {
                {"Councillor Deborah Quayle, the cabinet member for finance",
                 "Every option in front of us is painful. We have protected what we can, and "
                 "we have been honest about what we cannot. I would rather tell people the "
                 "truth now than pretend and let them down later."},
                {"Councillor Graham Tulloch, leader of the Civic Alliance opposition",
                 "The administration has known about these pressures for years. Residents are "
                 "entitled to ask why the council is only now discovering them, and why the "
                 "answer always seems to be less for them and more for consultants."},
                {"{p1}, who relies on {service} in {place}",
                 "It is easy to cut something when you don’t use it. For people like me it is "
                 "not a line in a spreadsheet. It is the thing that gets me out of the house "
                 "every week."},
            },
        .list_intro = "The main proposals in the draft budget are:",
        .list =
            {
                "Savings of {money2} in {service}.",
                "A council tax rise of {pct} per cent, the most allowed without a referendum.",
                "A freeze on recruitment to posts that are not essential.",
                "Higher parking charges in Tollgate and Harbourside.",
                "The sale of three council buildings that are no longer needed.",
                "A review of contracts with agencies and consultants.",
            },
        .heads = {"Where the money goes", "The opposition’s case", "What residents said"},
        .captions = {"Councillors will set the budget and council tax in the spring.",
                     "Savings of {money2} are proposed in {service}."},
        .opinion_titles =
            {"Cutting {service} by {money2_h} is a false economy",
             "The budget gap is real. So are the people of {place} who use {service}"},
        .opinion_paras =
            {
                "Every year at about this time, the council publishes a list of things it "
                "might stop doing, and every year the list includes {service}. Residents "
                "protest, and some of the cuts go through anyway, a little at a time, so "
                "that nobody can point to the day the service died.",
                "I do not envy the councillors who have to balance this budget. The money is "
                "genuinely short and the demands on it genuinely rising. But choices are "
                "still choices, and some of them fall harder on some people than others.",
                "Budgets are moral documents, a bishop once told me at a dinner I was not "
                "enjoying. I have come round to the view that he was right. The line items "
                "are where a council’s values are written down, whatever its leaflets say.",
                "The council tells us the money is not there. Sometimes that is true. But it "
                "is remarkable how often money is found for the things officials care about, "
                "and how rarely for the things residents do.",
            },
    },
    /* regional assembly */
    {
        .list_mask = V1 | V2,
        .para_mask = {[4] = V1},
        .sections = {"politics/assembly"},
        .scope = SCOPE_ANY,
        .tags = {"Regional Assembly"},
        .reporters = {"farid-haddad", "siobhan-mccarthy"},
        .n1 = {38, 45, 1},
        .n2 = {25, 34, 1},
        .n3 = {2, 9, 1},
        .money_k = {2000, 80000, 100},
        .money2_k = {100, 900, 10},
        .pct = {5, 30, 1},
        .assembly_votes = true,
        .variants =
            {
                {{"{Bill} passes by {n1} votes to {n2} as campaigners from {place} look on",
                  "{Bill} becomes law: what the {n1}-{n2} vote means for {place}"},
                 "Ministers say the law will make a real difference in towns like {place}; "
                 "the opposition says it is underfunded.",
                 "The Brenmoor Regional Assembly has passed {bill} by {n1} votes to {n2}, "
                 "after a debate in which ministers and opposition members clashed over how "
                 "much it would cost and who would pay.",
                 "The law will come into force in stages over the next two years. Ministers "
                 "will publish detailed regulations for consultation in the coming months."},
                {{"Minister pledges {money_h} for {theme} in {place} and across Brenmoor",
                  "{Money_h} promised for {theme}, but {place} asks when it will arrive"},
                 "Opposition members say the money is less than it appears, because some of "
                 "it was announced last year.",
                 "The regional government has promised {money} for {theme} over the next "
                 "three years, in a statement to the Brenmoor Regional Assembly {when} that "
                 "ministers described as the largest investment of its kind in the region’s "
                 "history.",
                 "Details of how councils and organisations can bid for the money will be "
                 "published next month. The first awards are expected before the end of the "
                 "year."},
                {{"Assembly inquiry into {theme} to visit {place} and {place2}",
                  "Inquiry into {theme} will hear from {n4} witnesses in {place}"},
                 "Members will visit the area and take evidence from residents, councils and "
                 "businesses.",
                 "A committee of the Brenmoor Regional Assembly is to hold an inquiry into "
                 "{theme}, with public evidence sessions in {place} and other parts of the "
                 "region over the coming months.",
                 "The committee will publish its report before the summer recess. Anyone who "
                 "lives or works in Brenmoor may submit written evidence."},
            },
        .more =
            {
                "The bill was amended several times on its way through the Assembly, and "
                "ministers accepted changes from opposition members on reporting and on the "
                "rights of people who live in rural areas.",
                "Ministers say the money will go where need is greatest, using a formula "
                "that takes account of poverty, population and distance from services. "
                "Councils in rural Brenmoor have asked for the formula to be published "
                "before any bids are invited.",
                "The committee has nine members from all the parties in the Assembly and the "
                "power to summon ministers and officials. Its chair said the inquiry would "
                "begin by listening to people who live with the problem every day.",
            },
        .paras =
            {
                "The Assembly has 74 members, elected every four years. Common Ground and "
                "the Green List govern together under an agreement signed after the last "
                "regional election, with the Civic Alliance as the main opposition.",
                "The regional government’s powers have grown steadily since the Assembly was "
                "created. It now runs transport, economic development, the environment, "
                "further education and parts of health and housing policy, with a budget of "
                "about £4.6 billion a year.",
                "Members from rural Brenmoor say the Assembly’s decisions are too often "
                "shaped by the needs of Northgate. The city is home to about half the "
                "region’s population but, they argue, receives well over half of its "
                "investment.",
                "Ministers say the measures are designed to help people in places like "
                "{place}, where local services have been stretched for years. Critics reply "
                "that promises made in the Assembly chamber take a long time to reach the "
                "places they are meant for.",
                "The debate was watched from the public gallery by campaigners from across "
                "the region, some of whom had travelled from {place} for the day. Several "
                "said afterwards that they would believe in the changes when they saw them.",
                "The regional government’s budget is under pressure from rising costs in "
                "health and care, and ministers have warned that any new spending must be "
                "matched by savings elsewhere.",
            },
        .quotes =
            {
                {"{p1}, the minister responsible",
                 "This is about making sure that where you live in Brenmoor does not decide "
                 "what chances you get. It will not solve everything overnight, but it is a "
                 "serious start."},
                {"{p2}, who speaks for the Civic Alliance on the issue",
                 "We support the aims. But an announcement is not a plan, and a plan is not "
                 "delivery. The people of {place} have heard a great many announcements."},
                {"{p3}, who campaigns on the issue in {place}",
                 "We have been asking for this for years. Now we will be watching every pound "
                 "to make sure it reaches the people it is meant for."},
            },
        .list_intro = "The main measures are:",
        .list =
            {
                "A duty on councils to publish plans and report on progress every year.",
                "Funding of {money} over three years.",
                "Powers for the regional government to step in where councils fail to act.",
                "An independent commissioner to monitor the changes.",
                "A review of the law after five years.",
                "Consultation with residents before any major decision.",
            },
        .heads = {"What it means", "The argument in the chamber", "Beyond Northgate"},
        .captions = {"The Brenmoor Regional Assembly has 74 members.",
                     "Campaigners from {place} watched the debate."},
        .opinion_titles = {"The Assembly keeps forgetting that {place} needs {theme}",
                           "Another Assembly promise on {theme}. {Place} has heard this before"},
        .opinion_paras =
            {
                "I have watched the Assembly since the day it opened, and I have come to "
                "recognise the rhythm of its announcements: the press release, the "
                "photograph, the figure rounded up, and then, some years later, the quiet "
                "report explaining why less was spent than promised.",
                "The Assembly was created to bring decisions closer to the people they "
                "affect. For people in {place}, it can feel as distant as anything that came "
                "before it.",
                "The Assembly’s defenders say it has given the region a voice. That is true, "
                "and I campaigned for it. But a voice is only useful if it says something, "
                "and too much of what comes out of Assembly House is announcement rather "
                "than action.",
                "I would like every minister to spend a day travelling round the region by "
                "bus, without a driver or an adviser. They would learn more about {theme} in "
                "that day than in a year of briefings.",
            },
    },
    /* health */
    {
        .calm_mask = V2,
        .list_mask = V1,
        .quote_mask = {[2] = V1},
        .sections = {"news/city", "news/region"},
        .scope = SCOPE_ANY,
        .tags = {"Health"},
        .reporters = {"lena-park", "siobhan-mccarthy"},
        .orgs = {"care-workers-union"},
        .n1 = {800, 12000, 100},
        .n2 = {6, 19, 1},
        .n3 = {3, 12, 1},
        .money_k = {1500, 26000, 100},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"{n2}-hour waits at {hospital} as attendances from {place} rise {pct} per "
                  "cent",
                  "Patients from {place} waited up to {n2} hours at {hospital} as {n3} beds "
                  "stood closed"},
                 "Staff describe corridors lined with trolleys; the hospital says it is "
                 "opening extra beds.",
                 "Patients at {hospital} have waited up to {n2} hours to be seen in the "
                 "emergency department, according to figures released {when}, as the hospital "
                 "struggles with rising demand and a shortage of beds.",
                 "The health board will discuss the figures at its next public meeting. It "
                 "has promised to publish a plan to cut waiting times within a month."},
                {{"New {money_h} health centre opens in {place} with {n3} family doctors",
                  "{Money_h} health centre for {place} opens its doors"},
                 "The centre brings family doctors, a pharmacy, dentists and mental health "
                 "services under one roof.",
                 "A {money} health centre has opened in {place}, bringing together {n3} "
                 "family doctors, a pharmacy, dentists and community mental health services "
                 "in a single building.",
                 "The centre is accepting new patients. People registered with the two "
                 "surgeries that have moved into the building do not need to do anything."},
                {{"Pharmacy on {street} in {place} to close, leaving {n1} patients without one "
                  "nearby",
                  "{Place} to lose its only pharmacy, and {n1} patients must travel to {place2}"},
                 "The owner says funding has not kept up with costs; residents fear for older "
                 "people without cars.",
                 "The only pharmacy in {place} is to close next month, leaving about {n1} "
                 "regular patients to travel to {place2} for their prescriptions.",
                 "The health board says it is talking to other pharmacy companies about "
                 "opening a branch in {place}, but could not promise that a replacement would "
                 "be found."},
            },
        .more =
            {
                "On the busiest nights, patients waiting for a bed have been looked after on "
                "trolleys in corridors, a practice nurses’ representatives call unsafe and "
                "undignified. The hospital says it uses corridor care only when there is no "
                "alternative.",
                "The building replaces two surgeries in converted houses, both far too small "
                "for the number of patients on their lists. It includes rooms for "
                "physiotherapy, a baby clinic and a hall that community groups can book in "
                "the evenings.",
                "The pharmacist, who has run the shop for almost twenty years, said payments "
                "for dispensing prescriptions had not kept pace with wages, rent and energy "
                "bills. “I lose money on most of the prescriptions I hand over,” she said.",
            },
        .paras =
            {
                "Health services across Brenmoor have been under intense pressure for "
                "several years. The number of people aged over 80 in the region has risen by "
                "a third in a decade, and many of them live with several long-term "
                "conditions.",
                "Staff describe shifts without enough nurses to cover every bay, and "
                "patients who are well enough to go home but cannot leave because there is "
                "no care for them in the community. Each of those patients occupies a bed "
                "that someone downstairs is waiting for.",
                "In {place}, residents say the hardest thing is getting an appointment at "
                "all. Several told the Courier they had given up trying to see a doctor and "
                "gone straight to the emergency department, knowing they would face a long "
                "wait.",
                "The health board says it has recruited more nurses and doctors in the past "
                "year than in any year on record, but that demand has grown faster still. It "
                "is also trying to keep people out of hospital by expanding care at home.",
                "Patients’ groups say the picture is uneven. Some practices in {area} offer "
                "appointments within a day or two; at others, patients wait weeks. Older "
                "people and those without internet access find it hardest to book.",
                "Transport is a recurring complaint. The journey from {place} to {hospital} "
                "takes more than an hour by bus for some patients, and parking at the "
                "hospital is limited and expensive.",
            },
        .quotes =
            {
                {"{p1}, a nurse at {hospital} for {years} years",
                 "We are doing our best, every shift. But I go home some nights knowing that "
                 "somebody waited far too long, and that there was nothing I could do about "
                 "it. That stays with you."},
                {"{p2}, a spokesperson for the health board",
                 "We are sorry that some patients are waiting longer than they should. Our "
                 "staff are working extremely hard, and we are doing everything we can to "
                 "improve the situation."},
                {"{p3}, {age}, a patient from {place}",
                 "I sat on a plastic chair for most of the night. The staff were wonderful, "
                 "but there were just not enough of them. You could see it in their faces."},
            },
        .list_intro = "The health board says it will:",
        .list =
            {
                "Open {n3} extra beds on the medical wards.",
                "Recruit more nurses, from within the region and abroad.",
                "Expand the team that helps patients return home safely.",
                "Open a same-day clinic for minor injuries in {place}.",
                "Publish waiting times every week.",
                "Work with councils to find more care places in the community.",
            },
        .heads = {"Inside the hospital", "The patients’ view", "What the health board says"},
        .captions = {"Figures show long waits at {hospital}.",
                     "Patients in {place} describe difficulty getting appointments."},
        .issues = {"staffing levels in {n3} care homes in {place}",
                   "pay for {n1} home care workers in {place}",
                   "the closure of {n3} care homes in {place}"},
        .points =
            {
                "At least two care workers on every night shift in every care home.",
                "Payment for all the time home care workers spend travelling between visits.",
                "No care home closure without a full assessment of the needs of every "
                "resident.",
                "Pay for care workers at least equal to that for comparable work in the "
                "health service.",
                "Publication of staffing figures for every care provider funded with public "
                "money.",
                "Proper training, paid for by the employer, for every new care worker.",
            },
        .opinion_titles = {"A {n2}-hour wait at {hospital} should shock {place} more than it does",
                           "{Place} needs {n3} more doctors, not another health strategy"},
        .opinion_paras =
            {
                "I spent a night in the emergency department at {hospital} last year with a "
                "neighbour who had fallen. I will not forget it: the patience of the staff, "
                "the man in the corridor who apologised to everyone who passed his trolley, "
                "and the clock on the wall that seemed to move backwards.",
                "We talk about the health service as if it were a building. It is not. It is "
                "people, and those people are tired.",
                "The staff are not the problem. Every nurse and doctor I have met in that "
                "building has been kind, competent and exhausted. The problem is a system "
                "that asks them to do too much with too little, and then asks them to "
                "apologise for it.",
                "We will not fix the hospital without fixing everything around it: care at "
                "home, family doctors, transport, housing that does not make people ill. "
                "That is harder than building a new ward, which is why governments prefer to "
                "build wards.",
            },
    },
    /* environment: the river, floods and pollution */
    {
        .calm_mask = V3,
        .list_mask = V1 | V3,
        .sections = {"news/region", "news/city"},
        .scope = SCOPE_ANY,
        .tags = {"Environment", "River Brennet", "Flooding", "Water"},
        .reporters = {"siobhan-mccarthy", "lena-park"},
        .orgs = {"regional-water-authority", "committee-on-security"},
        .n1 = {40, 2400, 10},
        .n2 = {11, 240, 1},
        .n3 = {2, 6, 1},
        .money_k = {800, 40000, 100},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"{Money_h} flood defence scheme planned for {place}",
                  "{n1} homes in {place} to be protected by new flood wall"},
                 "The Regional Water Authority says the defences will withstand a flood of a "
                 "size expected once in a century.",
                 "The Regional Water Authority has announced plans for a {money} flood "
                 "defence scheme in {place}, which it says will protect {n1} homes and "
                 "businesses from the Brennet and its tributaries.",
                 "The authority will hold drop-in sessions in {place} over the coming weeks, "
                 "where residents can see the designs and talk to the engineers. A planning "
                 "application is expected later this year."},
                {{"Sewage spilled into the Brennet {n2} times near {place}, figures show",
                  "Swimmers and anglers demand action on pollution near {place} after {n2} "
                  "spills"},
                 "The Regional Water Authority says most spills happen during heavy rain; "
                 "campaigners say that is no excuse.",
                 "Untreated sewage was released into the River Brennet {n2} times last year "
                 "from overflows near {place}, according to figures published by the Regional "
                 "Water Authority {when}.",
                 "The authority has promised to publish a programme of work on each overflow, "
                 "with dates, by the end of the year. Campaigners say they will test the "
                 "water themselves in the meantime."},
                {{"{n1} trees to be planted along the Brennet near {place}",
                  "Wetland worth {money_h} to soak up floodwater above {place}"},
                 "The scheme will restore meadows that flood naturally, slowing the river on "
                 "its way to the towns downstream.",
                 "Farmland beside the Brennet near {place} is to be turned back into wet "
                 "meadow and woodland, in a {money} scheme that includes planting {n1} trees "
                 "and is designed to slow floodwater and give wildlife room to return.",
                 "Planting will begin in the coming months, and volunteers are invited to "
                 "help. The meadows will be open to walkers along a new path from {place}."},
            },
        .more =
            {
                "The proposed defences include a wall along the riverbank with glass panels, "
                "so that residents can still see the water, and gates across the roads that "
                "lead down to it. Engineers say similar defences at Holm Ferry held back the "
                "river at a record height.",
                "The overflows are designed to release diluted sewage into the river during "
                "heavy rain, to stop it backing up into homes and streets. Campaigners say "
                "they are now used far more often than they were meant to be, including on "
                "dry days.",
                "The land has been bought from a farming family who will go on grazing "
                "cattle on part of it. The trees will be planted in clumps rather than rows, "
                "and the old drainage ditches will be blocked so that the meadows hold water "
                "as they once did.",
            },
        .paras =
            {
                "The Brennet rises in the hills above Dunholt and runs for about sixty miles "
                "to the sea at Northgate, through farmland, market towns and the city’s "
                "industrial east side. For most of its length it is a quiet river. In heavy "
                "rain it can rise several metres in a day.",
                "Floods along the river have become more frequent in recent decades. Holm "
                "Ferry has flooded three times in twenty years, and parts of Eastbank and "
                "Wendle Green have been affected repeatedly. For some households insurance "
                "has become expensive or impossible to obtain.",
                "In other ways the river has become cleaner. Salmon have returned to "
                "stretches where they had not been seen for a century, and otters are now "
                "regularly spotted in the city. Campaigners say those gains are fragile and "
                "are being undermined by pollution from farms and sewers.",
                "Scientists at the Brenmoor Institute of Marine Science say the health of "
                "the estuary depends on what happens far upstream. Soil washed from fields, "
                "fertiliser and untreated waste all end up in the mudflats and mussel beds "
                "at the river’s mouth.",
                "Residents of {place} who have been flooded before describe the anxiety that "
                "comes with every downpour: the river levels checked on a phone, the "
                "sandbags kept by the door, the furniture that never quite goes back "
                "downstairs.",
                "Farmers along the river say they want to help but cannot afford to lose "
                "productive land. The Regional Assembly has begun paying landowners to "
                "manage fields in ways that store water, and several farms near {place} have "
                "signed up.",
            },
        .quotes =
            {
                {"Dr Ines Falk, chief executive of the Regional Water Authority",
                 "The river is going to carry more water in the years ahead, not less. Our "
                 "job is to make sure it does so without coming into people’s homes, and "
                 "without poisoning what lives in it."},
                {"{p1}, who has swum in the Brennet near {place} for {years} years",
                 "I love this river. But there are days after heavy rain when you can smell "
                 "it from the bank, and you would not put a toe in. That should not be "
                 "happening anywhere, let alone here."},
                {"{p2}, whose home in {place} was flooded",
                 "You never really get over it. Every time it rains hard, I lie awake "
                 "listening. I want to believe them when they say it won’t happen again. I "
                 "really want to."},
            },
        .list_intro = "The scheme includes:",
        .list =
            {
                "About {n3} kilometres of new or raised embankment.",
                "Flood gates that can be closed when the river rises.",
                "New pumps to clear surface water from streets.",
                "Wetland upstream of {place} to store floodwater.",
                "Thousands of trees planted on land beside the river.",
                "A warning system that sends alerts to every household at risk.",
            },
        .heads = {"A river that rises fast", "Living with the risk", "Upstream and down"},
        .captions = {"The Brennet near {place}.",
                     "Residents in {place} have lived with the risk of flooding for years."},
        .issues = {"flood protection for {n1} homes in {place}",
                   "{n2} sewage spills into the Brennet near {place}",
                   "the emergency response to flooding on {street} in {place}"},
        .points =
            {
                "Every household in {place} at risk of flooding will receive a visit and a "
                "written flood plan within {weeks} weeks.",
                "River levels and warnings will be published as they happen, online and by "
                "text message.",
                "Emergency rest centres will be agreed in advance for every area at risk.",
                "Every storm overflow near {place} will be fitted with a monitor, and the "
                "readings will be published.",
                "Sandbags and flood boards will be available free of charge to households at "
                "risk.",
                "An independent review will report within six months on how the response can "
                "be improved.",
                "Work on permanent defences will begin before the end of the year.",
            },
        .opinion_titles = {"{n2} spills near {place}: the Brennet is warning us",
                           "Nobody on {street} in {place} should have to fear the rain"},
        .opinion_paras =
            {
                "I grew up within sight of the Brennet, and I have seen it in every mood: "
                "sluggish and brown in a dry summer, silver on a clear morning and once, "
                "terrifyingly, pouring through the streets of a town I love.",
                "We have spent a century treating the river as a drain with a view. The "
                "water is now sending the bill.",
                "There is no single villain here. Farmers, water companies, councils and all "
                "of us who flush a toilet without a thought have played our part. But there "
                "is a difference between a shared problem and nobody’s problem, and the "
                "river has been nobody’s problem for too long.",
                "When the water comes into a house, it does not leave when it drains away. "
                "It leaves a smell, a tide mark, a fear of rain and an insurance bill that "
                "never quite comes down. Those of us who have never been flooded should "
                "remember that before we talk about costs.",
            },
    },
    /* books */
    {
        .calm_mask = V1 | V2 | V3,
        .list_mask = V2,
        .para_mask = {[0] = V1, [4] = V1, [5] = V2},
        .quote_mask = {[0] = V1, [2] = V1, [3] = V3},
        .caption_mask = {[0] = V1},
        .sections = {"culture/books"},
        .scope = SCOPE_ANY,
        .tags = {"Books", "Festivals"},
        .reporters = {"daniel-osei"},
        .n1 = {300, 4000, 10},
        .n2 = {12, 80, 1},
        .n3 = {3, 9, 1},
        .money_k = {2, 25, 1},
        .money2_k = {2, 25, 1},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"{Work} by {p1} shortlisted for the Brenmoor Prize",
                  "Debut novel {work} puts {place} on the Brenmoor Prize shortlist"},
                 "The novel, written over {years} years, is one of six books competing for "
                 "the region’s main literary award.",
                 "{Work}, the first novel by {p1}, who grew up in {place}, has been "
                 "shortlisted for the Brenmoor Prize, the region’s most important literary "
                 "award, worth {money}.",
                 "The winner will be announced at a dinner at the Corn Exchange next month. "
                 "All six shortlisted writers will read from their books at Northgate Central "
                 "Library in the week before."},
                {{"Book festival comes to {place} with {n2} free events",
                  "Northgate Book Festival takes {n2} events to {place}"},
                 "Writers, poets and illustrators will appear at venues across {place} over "
                 "ten days.",
                 "The Northgate Book Festival will hold {n2} events in {place} this year, the "
                 "first time it has moved beyond the city centre, with talks, readings and "
                 "workshops in libraries, schools and community halls.",
                 "The full programme will be published next week and will be available in "
                 "libraries. Most events are free, but some must be booked."},
                {{"Bookshop on {street} in {place} saved by {n1} readers",
                  "Readers raise {money_h} to keep {place} bookshop open"},
                 "More than {n1} people contributed after the owner announced that the shop "
                 "would close.",
                 "An independent bookshop on {street} in {place} that was due to close has "
                 "been saved after more than {n1} readers contributed {money} in less than a "
                 "month.",
                 "The shop will stay open under its current owner, with a new advisory board "
                 "that includes several donors. Its first reading under the new arrangement "
                 "will be held next month."},
            },
        .more =
            {
                "The other books on the shortlist include two collections of poetry, a "
                "memoir of the fishing fleet and two novels by writers from the Brennet "
                "valley. The judges read more than eighty entries.",
                "The festival has grown from a weekend in the Central Library to one of the "
                "largest in the region, with about {n1} tickets sold last year. Its "
                "organisers say the move to {place} is an attempt to reach readers who do "
                "not travel into the city centre.",
                "The shop’s owner said the response had left her lost for words. Donations "
                "came from regular customers, from people who had moved away years ago and "
                "from strangers who had heard about the appeal online. One donor paid for a "
                "year of the shop’s electricity.",
            },
        .more2 =
            {
                "The judges described {work} as “a novel with its feet firmly on the "
                "ground”, praising its humour and its refusal to look down on any of its "
                "characters.",
                "Events will take place in the library, two primary schools, a community "
                "centre, a church and a launderette on {street}, where a poet will read to "
                "anyone waiting for a wash to finish.",
                "The shop had announced its closure with a handwritten sign in the window "
                "thanking customers for {years} years of custom. Within hours of a "
                "photograph of the sign appearing online, people were asking how they could "
                "help.",
            },
        .paras =
            {
                "Set in {place} over a single year, {work} follows a family whose lives are "
                "changed by the closure of the works that employed three generations of it. "
                "Early readers have praised its sharp dialogue and its refusal to "
                "sentimentalise the place it describes.",
                "Brenmoor has produced a striking number of writers in recent years, many of "
                "them published by small presses based in the region. Booksellers say "
                "readers have become more interested in books about places they know.",
                "Reading for pleasure has declined among teenagers, according to national "
                "surveys, but libraries in Northgate report rising numbers of young "
                "borrowers, particularly of graphic novels and books in languages other than "
                "English.",
                "Independent bookshops have had a difficult decade, squeezed by online "
                "retailers and rising rents. Several have closed in Brenmoor, but others "
                "have survived by hosting events, running reading groups and selling coffee "
                "alongside books.",
                "{P1} wrote much of the book in the early mornings before work, at the "
                "kitchen table of a small flat in {place}. It was turned down by several "
                "publishers before it was accepted by Tidewater Press, an independent "
                "publisher in Old Quay.",
                "The festival’s organisers say they want to reach people who would never "
                "think of going to a literary event. This year’s programme includes writing "
                "workshops for teenagers, a poetry walk along the river and readings in a "
                "launderette.",
            },
        .quotes =
            {
                {"{p1}, the author of {work}",
                 "I wanted to write about the people I grew up with without turning them into "
                 "either saints or warnings. They were neither. They were funny and difficult "
                 "and brave, and mostly just getting on with it."},
                {"{p2}, who runs a bookshop in {place}",
                 "People tell me the book is dead every year, and every year there is a queue "
                 "at the till on a Saturday. What people want is somewhere to find the right "
                 "book, and someone to help them find it."},
                {"{p3}, one of the judges",
                 "We read more than eighty books this year, and the standard was remarkably "
                 "high. The shortlist puts writers at the very start of their careers "
                 "alongside some of the most respected names in the region."},
                {"{p4}, one of the donors",
                 "I bought my children’s first books there, and my grandchildren’s. I gave "
                 "what I could afford. I would have given more if I’d had it."},
            },
        .list_intro = "Highlights of the programme include:",
        .list =
            {
                "A reading by the winner of last year’s Brenmoor Prize.",
                "Comic-drawing workshops for children aged eight to twelve.",
                "A walking tour of the literary history of Old Quay.",
                "A debate on the future of local newspapers.",
                "An evening of poetry in the languages spoken in {place}.",
                "A book swap and second-hand sale in aid of the library.",
            },
        .heads = {"The book", "Readers and writers", "A region of writers"},
        .captions = {"{Work} is one of six books on the shortlist.",
                     "Readers in {place} have rallied round."},
        .opinion_titles = {"Why {place} still needs its bookshop on {street}",
                           "{Work} and the small presses keeping {place} on the page"},
        .opinion_paras =
            {
                "I bought my first book with my own money from a shop on {street} that has "
                "long since gone. It cost less than a bus fare, and it changed my life in "
                "the quiet way books do: by showing me that people like me could be written "
                "about.",
                "A bookshop is not just a shop. It is a meeting place, a noticeboard, a warm "
                "room on a cold day and, if you are lucky, a conversation with someone who "
                "knows what you should read next.",
                "Small presses take risks that large publishers will not. They publish "
                "poets, first novels and books about places that are not fashionable. "
                "Without them, a good deal of what Brenmoor has to say about itself would "
                "never be printed.",
                "If you want to do one thing this month for the culture of this region, buy "
                "a book by someone who lives here, from a shop owned by someone who lives "
                "here. It is not a grand gesture. It adds up.",
            },
    },
    /* music */
    {
        .calm_mask = V1 | V2 | V3,
        .list_mask = V1,
        .para_mask = {[2] = V2, [5] = V1},
        .caption_mask = {[0] = V2, [1] = V1},
        .sections = {"culture/music"},
        .scope = SCOPE_ANY,
        .tags = {"Music", "Festivals"},
        .reporters = {"daniel-osei"},
        .n1 = {2000, 40000, 500},
        .n2 = {12, 90, 1},
        .n3 = {3, 9, 1},
        .money_k = {150, 6000, 50},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"{Festival} returns to {place} with {n2} free concerts",
                  "{Festival} plans {n2} concerts in {place}, its biggest line-up yet"},
                 "Organisers expect more than {n1} people over the festival weekend.",
                 "{Festival} will return to {place} next month with {n2} free concerts on "
                 "outdoor stages and in pubs, churches and halls, its organisers announced "
                 "{when}.",
                 "Programmes will be available from libraries and the tourist information "
                 "centre. The organisers are still looking for volunteer stewards."},
                {{"{Ensemble} from {place} reaches national final, {years} years after its last",
                  "{Ensemble} to record its first album in {venue} after {years} years"},
                 "The group, which normally rehearses once a week in a church hall, has been "
                 "practising twice a week for months.",
                 "{Ensemble} has reached the national final of a major competition for "
                 "amateur musicians, the first group from Brenmoor to do so in more than a "
                 "decade.",
                 "The final will be broadcast live. A send-off concert will be held at "
                 "{venue} the week before, with tickets at £5."},
                {{"{Venue} to reopen for live music after {money_h} refit",
                  "{Venue} to host concerts again after {years} years, with {n2} shows booked"},
                 "Promoters say {area} has long lacked a mid-sized room for live music.",
                 "{Venue} is to reopen as a live music venue after a {money} refurbishment, "
                 "giving {area} a room for audiences of several hundred, something musicians "
                 "say it has lacked for years.",
                 "The first concerts will be announced next month. The venue says it will "
                 "keep cheap tickets back for every show."},
            },
        .more =
            {
                "This year’s programme mixes local bands and choirs with performers from "
                "across Brenmoor and beyond. For the first time there will be a stage for "
                "musicians under eighteen, chosen at open auditions earlier in the year.",
                "To reach the final, the group had to win a regional round against more than "
                "twenty others, performing a set piece and a programme of its own choosing. "
                "The judges praised its “remarkable discipline and warmth”.",
                "The building has been closed for years, its plaster crumbling and its roof "
                "patched with tarpaulin. The refurbishment has restored the original "
                "ceiling, added a sprung floor for dancing and installed a sound system "
                "designed for the room.",
            },
        .paras =
            {
                "Music has always been part of life in the port. Sailors brought songs from "
                "across the world, and the pubs of Old Quay were known for sessions that "
                "lasted until dawn. Several of the region’s choirs and bands can trace their "
                "history back more than a century.",
                "Musicians say it has become harder to make a living from live performance. "
                "Small venues have closed, fees have stood still and the cost of travelling "
                "to gigs has risen. Many of the region’s best players also teach, drive "
                "taxis or work in offices.",
                "The group rehearses on Tuesday evenings in a church hall in {place}, and "
                "its members range in age from sixteen to eighty-one. New members are "
                "welcome, and the conductor says the only requirement is a willingness to "
                "turn up.",
                "Music teaching in schools has declined, and teachers say fewer children "
                "learn an instrument than a generation ago. Community groups have tried to "
                "fill the gap, lending instruments and running free lessons.",
                "Audiences at {venue} have grown steadily, with younger listeners drawn by "
                "cheap tickets and a programme that mixes the classics with new work and "
                "music from around the world.",
                "{Festival} began as a single evening in a pub and has grown into one of the "
                "biggest events in the regional calendar, drawing visitors from across "
                "Brenmoor and beyond.",
            },
        .quotes =
            {
                {"{p1}, the musical director of {ensemble}",
                 "Music is the one thing that gets everyone in the same room: the retired "
                 "docker, the student, the nurse coming off a shift. When we play together, "
                 "nobody is asking what you do for a living."},
                {"{p2}, who has played with {ensemble} for {years} years",
                 "I joined because my father was in it, and his father before him. I’ll keep "
                 "playing as long as my lungs hold out."},
                {"{p3}, a concert promoter",
                 "Northgate has the audience and it has the musicians. What it has been "
                 "missing is the rooms in between, the places where a band can play to three "
                 "hundred people and grow."},
            },
        .list_intro = "Among the highlights:",
        .list =
            {
                "An opening concert by {ensemble} on the quayside.",
                "A late-night folk session in the fish market.",
                "A children’s concert with instruments to try.",
                "New music written by students at the university.",
                "A brass band contest on the bandstand in {place}.",
                "A closing concert with fireworks over the harbour.",
            },
        .heads = {"A musical city", "The players", "Getting a ticket"},
        .captions = {"{Ensemble} rehearses every week.", "{Festival} returns next month."},
        .opinion_titles = {"What {ensemble} gives {place} every Tuesday night",
                           "Why {venue} matters more to {place} than its accounts suggest"},
        .opinion_paras =
            {
                "The first concert I ever went to was in a church hall in {place}, and the "
                "performers were mostly the parents of my friends. It was not, I now "
                "realise, especially good. It was also one of the most exciting evenings of "
                "my childhood.",
                "It is fashionable to talk about culture in terms of the visitors it brings "
                "and the money they spend. That matters. But the real value of a choir or a "
                "band is in the people who belong to it, and in what it does for them on a "
                "wet Tuesday night.",
                "Amateur music is one of the great unsung institutions of this region. Every "
                "week, in church halls and back rooms, hundreds of people who work all day "
                "as nurses, plumbers and clerks pick up instruments and make something "
                "beautiful for no better reason than that they can.",
                "When a venue closes, the loss is not only the concerts it would have held. "
                "It is the young band that never got its first gig, and the audience that "
                "never found out what it liked.",
            },
    },
    /* stage and screen */
    {
        .calm_mask = V1 | V2 | V3,
        .list_mask = V1 | V2,
        .para_mask = {[0] = V1, [2] = V1, [3] = V1, [4] = V2, [5] = V3, [6] = V2 | V3},
        .quote_mask = {[0] = V1, [1] = V1, [2] = V2, [3] = V3},
        .caption_mask = {[0] = V1},
        .sections = {"culture/stage-screen"},
        .scope = SCOPE_ANY,
        .tags = {"Theatre", "Film"},
        .reporters = {"daniel-osei"},
        .n1 = {100, 900, 10},
        .n2 = {40, 180, 1},
        .n3 = {3, 9, 1},
        .money_k = {150, 6000, 50},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"Review: {work} at {venue}", "Review: {p1}’s {work} at {venue}"},
                 "A new play about a family in {place} is uneven, but often very funny and "
                 "sometimes devastating.",
                 "{Work}, the new play by {p1} that opened at {venue} {when}, is set in a "
                 "single kitchen in {place} over one long night, and for most of its two "
                 "hours it holds the audience in the palm of its hand.",
                 "{Work} runs at {venue} for three more weeks. Tickets from £12, with £6 "
                 "seats for under-26s."},
                {{"{n2}-seat community cinema opens in a former chapel in {place}",
                  "{Place} gets its first cinema in {years} years, in a chapel on {street}"},
                 "Volunteers have spent two years restoring the building; tickets will cost "
                 "£5.",
                 "{Place} has its first cinema in {years} years after volunteers opened a "
                 "{n2}-seat community cinema in a former chapel on {street}.",
                 "The cinema will show films four nights a week: new releases, classics and "
                 "films chosen by members. Membership costs £20 a year."},
                {{"Film crew turns {street} in {place} back to the 1950s for {weeks} weeks",
                  "{P1}’s film, shot in {place}, to open the Northgate Film Festival"},
                 "Residents were hired as extras, and local cafés fed the crew.",
                 "A feature film shot largely in {place} will open the Northgate Film "
                 "Festival, after a production that turned {street} into a street of the "
                 "1950s for {weeks} weeks.",
                 "The film is expected in cinemas later in the year. Residents who appeared "
                 "as extras have been invited to the premiere."},
            },
        .more =
            {
                "{P1} grew up in {place} and worked as a care assistant before turning to "
                "theatre. This is the second of {p1s}’s plays to be staged at {venue}, after "
                "a debut that sold out its run three years ago.",
                "The chapel closed to worshippers more than a decade ago and stood empty "
                "until a group of film lovers persuaded its owners to lease it to them for a "
                "nominal rent. Volunteers rewired the building, built a projection booth and "
                "fitted {n2} seats rescued from a theatre that was being demolished.",
                "For {weeks} weeks, satellite dishes were taken down, shop signs were "
                "covered and cars from the 1950s were parked along the kerb. Residents were "
                "paid a small fee for the inconvenience, and several of them appear in crowd "
                "scenes.",
            },
        .more2 =
            {
                "At its best, the writing has the rhythm of real talk: overlapping, evasive, "
                "funny and suddenly cruel. An argument about who should have the last slice "
                "of cake turns, without anyone raising a voice, into an argument about a "
                "death nobody has properly mourned.",
                "The first season includes a festival of films made in Brenmoor, a monthly "
                "silent film with live piano and Saturday matinées for children at £2. "
                "Members can vote each month for a film to be shown, and their first choice "
                "was a comedy set in a seaside hotel.",
                "The film, a drama about a family who run a café in a port town in the years "
                "after the war, was made with a grant from the regional screen fund, which "
                "requires productions to spend at least half their budget in Brenmoor and to "
                "hire local crew.",
            },
        .paras =
            {
                "The production makes fine use of {venue}, transformed into a cramped, "
                "cluttered room in which the characters can never quite get away from each "
                "other. The lighting, which moves slowly from evening to dawn, is especially "
                "good.",
                "Northgate has a long theatrical tradition. The Lantern Theatre, founded by "
                "a group of dockers and teachers after the war, has premiered more than two "
                "hundred new plays, many of them about the city and its people.",
                "The cast is strong throughout, with {p2} outstanding as the eldest "
                "daughter, a woman who has spent her life holding the family together and "
                "has begun to wonder why. Her final scene is quietly devastating.",
                "Not everything works. The second act is too long, and a subplot about a "
                "neighbour and a stolen bicycle adds little except running time. But these "
                "are the flaws of an ambitious new play, and they are worth putting up with.",
                "Cinema-going in {area} collapsed when the last commercial screens closed, "
                "and film lovers have had to travel to the multiplex on the ring road. "
                "Volunteers say there is a real appetite for a place that shows films people "
                "cannot see anywhere else.",
                "Film and television crews have been drawn to Brenmoor by its coastline, its "
                "old streets and a regional fund that offers grants to productions that hire "
                "local crews. Businesses say the spending makes a real difference to a small "
                "town.",
                "Brenmoor has a longer history on screen than many people realise. Newsreel "
                "crews filmed the great floods of the 1950s and the launch of the last ships "
                "built at Eastbank, and a film society has met at the Regal since the 1930s, "
                "through every closure and reopening of the building.",
            },
        .quotes =
            {
                {"{p1}, the writer",
                 "I wanted to write about the kind of family I grew up in, where everyone "
                 "talked at once and nobody said what they meant. It is the most honest thing "
                 "I have written."},
                {"{p2}, who plays the eldest daughter",
                 "It is a gift of a part. Every night I find something new in her, and every "
                 "night the audience finds something I hadn’t noticed."},
                {"{p3}, one of the volunteers behind the project",
                 "We wanted a place where you could see a film for the price of a pint and "
                 "talk about it afterwards with your neighbours. People said we were mad. "
                 "Maybe we were."},
                {"{p4}, who runs a café on {street}",
                 "We fed them breakfast every morning for {weeks} weeks. They ate everything, "
                 "they tipped well and they let my granddaughter sit in a vintage car. I’d "
                 "have them back tomorrow."},
            },
        .list_intro = "Before you go:",
        .list =
            {
                "Tickets cost from £5 to £15, with discounts for students and under-26s.",
                "The building is step-free, with a hearing loop in the auditorium.",
                "There are captioned performances every week.",
                "The bar opens an hour before each performance.",
                "Buses stop outside, and the last tram leaves after the performance ends.",
                "The running time is about two hours, including an interval.",
            },
        .heads = {"On stage", "On screen", "Behind the scenes"},
        .captions = {"{Work} runs for three more weeks.", "A new venue for {place}."},
        .opinion_titles = {"{Place} needs a place like {venue}",
                           "{Work}, and why the stage is where {place} tells its own story"},
        .opinion_paras =
            {
                "The first play I saw was at {venue}, on a school trip, from a seat so far "
                "back I could barely see the actors’ faces. I remember nothing about the "
                "plot. I remember the hush before the lights went up, and the feeling that "
                "something important was about to happen.",
                "We talk too much about culture as a luxury. For many people in this city it "
                "is the cheapest night out they have, and the only one on which they sit in "
                "the dark with strangers and feel the same thing at the same time.",
                "Theatre is often dismissed as something for people with money and time. The "
                "best of it in this city needs neither. It is cheap, it is local and it "
                "tells stories about the people in the audience, which is more than can be "
                "said for most of what is on television.",
                "I would like every child in Northgate to see at least one play before "
                "leaving primary school. It costs very little. It might change their lives. "
                "It certainly changed mine.",
            },
    },
    /* public safety */
    {
        .calm_mask = V2 | V3,
        .list_mask = V1,
        .para_mask = {[2] = V1, [3] = V2},
        .quote_mask = {[1] = V1, [2] = V2},
        .sections = {"news/city", "news/region"},
        .scope = SCOPE_ANY,
        .tags = {"Policing", "City Council"},
        .reporters = {"lena-park", "siobhan-mccarthy"},
        .orgs = {"committee-on-security"},
        .n1 = {12, 240, 1},
        .n2 = {5, 40, 1},
        .n3 = {3, 9, 1},
        .money_k = {100, 4000, 50},
        .money2_k = {50, 900, 10},
        .pct = {5, 40, 1},
        .variants =
            {
                {{"Police appeal after break-ins at {n2} businesses on {street} in {place}",
                  "{n2} break-ins in a fortnight: traders on {street} in {place} on alert"},
                 "Officers believe the burglaries are linked, and have stepped up patrols at "
                 "night.",
                 "Brenmoor Police have appealed for witnesses after {n2} shops and businesses "
                 "in {place} were broken into over a fortnight, in what officers believe is a "
                 "linked series of burglaries.",
                 "Anyone with information is asked to contact Brenmoor Police or to pass it "
                 "on anonymously through the independent crime reporting line."},
                {{"Speed limit on {street} in {place} to drop to 20mph after {n2} collisions",
                  "{Place} residents win fight for safer crossing on {street} after {n2} "
                  "collisions"},
                 "Residents have campaigned for years for traffic to be slowed outside the "
                 "school.",
                 "The speed limit on {street} in {place} is to be cut to 20mph after {n2} "
                 "collisions in five years, several of them involving children walking to "
                 "school.",
                 "The new limit will take effect within three months, once signs are in "
                 "place. Police say they will enforce it with mobile speed checks."},
                {{"Police station counter in {place} to reopen after {n1}-name petition",
                  "{Place} gets its own neighbourhood police team again, led by Inspector {p1s}"},
                 "The counter will open three days a week; residents say they want officers "
                 "they know by name.",
                 "The front counter at the police station in {place} is to reopen three days "
                 "a week, two years after it was closed to save money, following a campaign "
                 "by residents and councillors.",
                 "The counter will open next month. Residents can also meet the neighbourhood "
                 "team at monthly drop-in sessions at the library."},
            },
        .more =
            {
                "In each case the burglars forced a back door or a window in the early "
                "hours, taking cash, cigarettes and small electrical goods. Officers say "
                "several of the premises had cameras, and that the footage is being examined.",
                "The council’s highway engineers had argued that the road did not meet the "
                "criteria for a lower limit. They changed their view after a survey found "
                "that more than half of drivers were breaking the current limit outside the "
                "school.",
                "The counter will be staffed by a police community support officer and a "
                "volunteer, and will deal with lost property, reports of minor crime and "
                "general enquiries. The neighbourhood team will also work from the station "
                "rather than from headquarters in Tollgate.",
            },
        .paras =
            {
                "Recorded crime in {place} is lower than it was a decade ago, according to "
                "police figures, but residents say they feel less safe. Many point to the "
                "disappearance of officers from the streets and the closure of local police "
                "stations.",
                "Brenmoor Police say they have had to concentrate on the most serious "
                "crimes, and that neighbourhood teams are stretched thin across large areas. "
                "The force has recruited more officers in the past two years but says it "
                "will take time for them to reach the streets.",
                "Shopkeepers on {street} have begun sharing information through a messaging "
                "group, warning each other about suspicious behaviour and swapping footage "
                "from their cameras. Several have installed shutters and alarms for the "
                "first time.",
                "Parents say the road outside the school has become more dangerous as "
                "traffic has grown. Children have to cross where cars come around a bend, "
                "and several parents described near misses.",
                "Councillors have asked for a report on the issue and called for more "
                "visible policing in the evenings, when most incidents are reported.",
                "Community groups in {place} say prevention matters as much as enforcement. "
                "Youth workers point to the closure of youth clubs and the lack of anywhere "
                "for teenagers to go in the evenings.",
            },
        .quotes =
            {
                {"{p1}, the neighbourhood inspector for {place}",
                 "We understand why people are worried, and we are taking this very "
                 "seriously. We would ask anyone who saw anything unusual, however small it "
                 "seems, to get in touch."},
                {"{p2}, who owns a shop on {street}",
                 "I came in one morning and the door was hanging off. They took the till, the "
                 "cigarettes and the charity box. It was the charity box that got me."},
                {"{p3}, a parent at the school",
                 "Every morning I hold my children’s hands a little tighter on that corner. I "
                 "shouldn’t have to. Nobody should."},
            },
        .list_intro = "Police advice to businesses includes:",
        .list =
            {
                "Leave tills empty and open overnight.",
                "Fit good locks and shutters to doors and windows.",
                "Install cameras that record clearly at night.",
                "Mark valuable equipment with a postcode.",
                "Report every incident, however minor.",
                "Join a local business watch scheme.",
            },
        .heads = {"What happened", "Feeling safe", "The police response"},
        .captions = {"Police have stepped up patrols in {place}.",
                     "Residents say {street} has become more dangerous."},
        .issues = {"public safety in {place} after {n2} incidents on {street}",
                   "road safety on {street} in {place}", "arrangements for {festival} in {place}"},
        .points =
            {
                "Extra evening patrols by police and council wardens in {place}.",
                "A review of street lighting on {street} and the surrounding area.",
                "A safe crossing outside every school where parents have asked for one.",
                "Regular public meetings between residents, police and councillors.",
                "Quicker repairs to broken cameras and lights reported by the public.",
                "Support for youth services that give young people somewhere to go in the "
                "evenings.",
            },
        .opinion_titles = {"Feeling safe on {street} in {place} is not too much to ask",
                           "An officer who knows {street} by name is worth ten cameras in {place}"},
        .opinion_paras =
            {
                "When I was a girl there was a police officer who walked our street every "
                "afternoon. He knew every child by name and most of our mothers by "
                "reputation. I do not want to go back to the past, but I do miss that.",
                "Safety is not only about crime. It is about lighting that works, pavements "
                "you can walk on and neighbours who look out for one another. Those are "
                "things a council can help with, if it chooses to.",
                "Crime figures tell us something, but not everything. A street can have very "
                "little recorded crime and still feel frightening at night, and feeling safe "
                "is what decides whether people walk to the shop or stay at home with the "
                "curtains drawn.",
                "The answer is not more cameras. It is more people: officers who walk the "
                "beat, wardens who know the shopkeepers, youth workers who know the "
                "teenagers. People cost money. So does fear.",
            },
    },
    /* elections */
    {
        .calm_mask = V1 | V2 | V3,
        .list_mask = V1,
        .para_mask = {[1] = V1, [2] = V1},
        .sections = {"politics/elections"},
        .scope = SCOPE_ANY,
        .tags = {"Elections", "City Council"},
        .reporters = {"farid-haddad"},
        .n1 = {400, 3800, 1},
        .n2 = {12, 380, 1},
        .n3 = {3, 7, 1},
        .money_k = {100, 900, 10},
        .money2_k = {50, 900, 10},
        .pct = {18, 52, 1},
        .variants =
            {
                {{"{Place} by-election: {n3} candidates for the seat left by {p4}",
                  "{Party} selects {p1} for {place} by-election"},
                 "The seat became vacant when the sitting councillor stood down for health "
                 "reasons.",
                 "Voters in {place} will choose between {n3} candidates in the by-election "
                 "called after the sitting councillor, {p4}, stood down for health reasons.",
                 "Polling stations will be open from 7am to 10pm, and the count will take "
                 "place overnight. Applications for postal votes must reach the electoral "
                 "office by the published deadline."},
                {{"{Party} wins {place} by-election with majority of {n2}",
                  "{P1} elected in {place} as {party} takes the seat"},
                 "Turnout was {pct} per cent, and the winning candidate polled {n1} votes.",
                 "{Party} has won the by-election in {place}, where its candidate, {p1}, was "
                 "elected with a majority of {n2} after an overnight count.",
                 "{P1s} will take up the seat at the next meeting of the full council."},
                {{"{n1} votes cast in {place} as turnout falls to {pct} per cent",
                  "Only {pct} per cent of voters in {place} turned out. {Party} asks why"},
                 "Campaigners want more polling stations and easier postal voting.",
                 "Only {pct} per cent of registered voters in {place} cast a ballot at the "
                 "last council elections, according to figures published by the electoral "
                 "office {when}, one of the lowest turnouts in Brenmoor.",
                 "The electoral office says it will review the location of polling stations "
                 "in {place} before the next elections, and will run a campaign to encourage "
                 "people to register."},
            },
        .more =
            {
                "The campaign has been short, and the candidates have had barely a month to "
                "introduce themselves. With turnout at by-elections often below a quarter of "
                "voters, every party says its priority is simply to get its supporters to "
                "the polls.",
                "The result was declared shortly before 3am. Turnout was {pct} per cent, and "
                "{p1} polled {n1} votes. {Party2} came second.",
                "Turnout varied widely across Brenmoor, from more than half in some suburban "
                "wards to less than a quarter in parts of the city with many private renters "
                "and students. In parts of {place}, fewer than one voter in five went to the "
                "polls.",
            },
        .paras =
            {
                "{Place} has traditionally been closely fought, with control changing hands "
                "several times in the past twenty years. Local issues, from housing to bus "
                "services, tend to matter more on the doorstep than national politics.",
                "Candidates have been out in {place} every evening and weekend, knocking on "
                "doors and handing out leaflets. Several said the cost of living was the "
                "issue raised most often, followed by housing and the state of the roads.",
                "{Party2} says it has a real chance in {place}, pointing to its strong "
                "result in the area at the last regional elections. Its opponents say that "
                "result was a one-off.",
                "Turnout at local elections in Brenmoor has fallen for a generation. "
                "Researchers at the University of Northgate have found that it is lowest "
                "among young people, private renters and people who have recently moved, who "
                "are also the least likely to be registered.",
                "Results in Northgate are traditionally declared from the balcony of the "
                "council chamber at the Council House in the small hours of the morning, to "
                "an audience of exhausted candidates and a few determined supporters.",
                "Voters who spoke to the Courier were divided. Some said they would vote as "
                "they always had; others said they had lost faith in all the parties and "
                "might not vote at all.",
            },
        .quotes =
            {
                {"{p1}, the {party} candidate",
                 "People here are fed up with being promised things that never happen. I am "
                 "not going to promise the earth. I am going to promise to turn up, to listen "
                 "and to fight for {place}."},
                {"{p2}, a voter in {place}",
                 "I’ve voted in every election since I was eighteen, and I’ll vote this time. "
                 "But I can’t tell you I’m excited about it."},
                {"{p3}, who researches politics at the University of Northgate",
                 "By-elections are an unreliable guide to anything, but the parties will read "
                 "a great deal into this one. A handful of votes can make a big difference "
                 "when turnout is this low."},
            },
        .list_intro = "Polling day at a glance:",
        .list =
            {
                "Polling stations are open from 7am to 10pm.",
                "Voters do not need their polling card, but must bring photo identification.",
                "Postal votes can be handed in at any polling station in {place} on the day.",
                "The count begins when polls close, and a result is expected after 2am.",
                "Results will be published on the council’s website and at the Council House.",
            },
        .heads = {"The campaign", "On the doorstep", "Turnout"},
        .captions = {"Voters in {place} go to the polls.", "The count will take place overnight."},
        .opinion_titles = {"Vote for somebody in {place}, even if it isn’t {party}",
                           "A {pct} per cent turnout in {place} is a warning to every party"},
        .opinion_paras =
            {
                "I have stood in an election, and I have lost one, which is an education no "
                "university offers. What I learned is that almost everyone who does not vote "
                "has a reason, and that most of the reasons are good ones.",
                "Democracy in a city is not only about elections. It is about the meetings "
                "in between, the letters, the petitions, the questions asked in council. But "
                "elections are where it starts, and when most people stay away, something "
                "has gone wrong.",
                "I have knocked on a great many doors in my time, and I have learned that "
                "people who say they are not interested in politics are usually very "
                "interested in what politics decides: the bins, the buses, the rent, the "
                "school.",
                "If every party in this city spent as much effort on the years between "
                "elections as on the weeks before them, turnout would look after itself.",
            },
    },
    /* the world, as it reaches Northgate */
    {
        .calm_mask = V1 | V2 | V3,
        .list_mask = V3,
        .para_mask = {[1] = V1 | V2, [2] = V2, [4] = V3, [5] = V1},
        .quote_mask = {[0] = V3, [1] = V2, [2] = V1, [3] = V1},
        .caption_mask = {[1] = V3},
        .sections = {"news/world"},
        .scope = SCOPE_CITY,
        .tags = {"Shipping", "Environment", "Harbour", "Schools"},
        .reporters = {"tomas-lindqvist", "lena-park"},
        .n1 = {300, 4000, 10},
        .n2 = {8, 60, 1},
        .n3 = {3, 9, 1},
        .money_k = {100, 5000, 50},
        .money2_k = {50, 900, 10},
        .pct = {6, 45, 1},
        .variants =
            {
                {{"{Place} families host {n2} students from partner city {foreign}",
                  "{n2} students from {foreign} spend a fortnight in {place} homes"},
                 "The exchange is one of the longest-running links between Northgate and the "
                 "wider world.",
                 "{n2} students from {foreign} are spending a fortnight with families in "
                 "{place}, in an exchange between Northgate’s schools and a partner city "
                 "across the sea.",
                 "Northgate students will make the return visit next year. Families "
                 "interested in hosting can contact the council’s international office."},
                {{"{Biz} among exporters hit as freight to {foreign} rises {pct} per cent",
                  "Firms in {place} feel the pinch as freight costs to {foreign} rise {pct} "
                  "per cent"},
                 "Manufacturers say higher freight costs are eating into already thin margins.",
                 "Businesses in {place} that sell abroad say rising freight costs and slowing "
                 "demand are squeezing their profits, with the price of shipping a container "
                 "from Northgate to {foreign} up {pct} per cent in a year.",
                 "The Chamber of Commerce is holding a briefing for exporters next month, "
                 "with advice on contracts, currency and finding new markets."},
                {{"{n1} volunteers fill a ship with {n2} tonnes of aid for flood-hit {foreign}",
                  "Volunteers in {place} collect {n2} tonnes of supplies for {foreign}"},
                 "A ship carrying medical supplies, tents and water purifiers left Old Quay "
                 "{when}.",
                 "A ship carrying {n2} tonnes of aid left Old Quay {when} for {foreign}, "
                 "where floods have left thousands of people homeless, after a collection "
                 "that drew donations from across Brenmoor.",
                 "Organisers say cash is now more useful than goods, and can be given through "
                 "the appeal’s bank account or at any branch of the Brenmoor Credit Union."},
            },
        .more =
            {
                "The students, aged between fourteen and seventeen, spend their mornings in "
                "lessons at Northgate schools and their afternoons visiting the harbour, the "
                "university and the Brennet valley. Their host families are planning a "
                "farewell party for the last weekend.",
                "Freight rates have risen as shipping lines cut sailings and move ships to "
                "busier routes. Small exporters, who lack the buying power of larger "
                "companies, say they are the first to be squeezed.",
                "The ship, lent by a Northgate shipping company, will take about five days "
                "to reach {foreign}, where the cargo will be handed to local relief "
                "organisations. Volunteers from {place} are travelling with it to help with "
                "distribution.",
            },
        .more2 =
            {
                "For many of the visitors it is their first time abroad. They have been "
                "struck, they say, by the weather, the size of the breakfasts and how early "
                "the shops close.",
                "Some firms are looking for customers closer to home, or for ways to share "
                "containers with other small exporters. The Chamber of Commerce has set up a "
                "scheme to match businesses that ship to the same ports.",
                "The appeal was started by a church in {place} whose congregation includes "
                "families with relatives in {foreign}. Within a week schools, sports clubs "
                "and businesses across the city had joined in, and the Harbour Board lent a "
                "warehouse at Old Quay for sorting.",
            },
        .paras =
            {
                "Northgate has always looked outward. For centuries its ships carried wool, "
                "coal and timber across the sea and brought back wine, grain and, now and "
                "then, new ideas. Families in the city still trace their history to sailors "
                "and traders who came and stayed.",
                "Links between cities can outlast the trade that created them. The "
                "partnership between Northgate and {foreign} began with shipping but now "
                "includes exchanges between schools, universities, hospitals and sports "
                "clubs.",
                "Economists say the region’s exporters are more exposed than most to changes "
                "in world trade, because so many depend on a small number of customers "
                "abroad. A slowdown in one market can be felt quickly in the workshops of "
                "{place}.",
                "The changing climate is changing how ports work. Stronger storms disrupt "
                "sailings, rising seas threaten quays, and customers are demanding cleaner "
                "ships. Northgate is one of 38 ports that have pledged to halve harbour "
                "emissions within ten years.",
                "Community groups in {place} organised the collection in a matter of days, "
                "turning a church hall, a school gym and an empty shop into sorting centres. "
                "Volunteers worked late into the evening packing boxes.",
                "The University of Northgate has partnerships with institutions in more than "
                "thirty countries, and international students make up about a fifth of those "
                "on its campus at Millbrook.",
            },
        .quotes =
            {
                {"{p1}, who organised the collection",
                 "People here know what it is to see the water come into their homes. When we "
                 "saw the pictures from {foreign}, nobody needed to be asked twice."},
                {"{p2}, the managing director of {biz}",
                 "We sell about half of everything we make abroad. When shipping costs go up, "
                 "we cannot just pass that on. Our customers have other options."},
                {"{p3}, a teacher who has led the exchange for {years} years",
                 "These children will remember this for the rest of their lives. Some of my "
                 "former students are still friends with the families they stayed with twenty "
                 "years ago."},
                {"{p4}, {age}, whose family is hosting two of the students",
                 "They taught us a card game on the first night and we have been losing at it "
                 "ever since. My son says he wants to go there next year. I think he wants a "
                 "rematch."},
            },
        .list_intro = "The consignment includes:",
        .list =
            {
                "Tents and blankets for families who have lost their homes.",
                "Water purification kits and bottled water.",
                "Medical supplies donated by {hospital}.",
                "Baby food, nappies and clothing.",
                "Tools for clearing mud and debris.",
                "School kits for children whose schools were damaged.",
            },
        .heads = {"A city that looks outward", "The local connection", "What happens next"},
        .captions = {"Northgate has always looked outward.",
                     "Volunteers in {place} sorted donations."},
        .opinion_titles = {"{Place} cannot turn its back on {foreign}",
                           "What {foreign} can teach {place}"},
        .opinion_paras =
            {
                "Northgate is a port, which means it has never had the luxury of pretending "
                "the rest of the world does not exist. Everything we eat, wear and burn "
                "arrived here on a ship, and much of what we make leaves the same way.",
                "I visited {foreign} once, many years ago, and remember chiefly that its "
                "harbour smelled exactly like ours: fish, diesel, rope and rain.",
                "There is a fashion at the moment for pulling up the drawbridge. It is a "
                "strange fashion for a port. The ships that bring us what we need also bring "
                "us people and ideas, and we have always been the better for both.",
                "Generosity is not only a virtue but an investment. The families who welcome "
                "visitors today are building friendships that may matter to this city long "
                "after the rest of us are gone.",
            },
    },
};

/* ---- prose shared by every topic ---------------------------------------- */

/* Shared paragraphs that suit any story set in {place}. */
static const char *const generic_any[] = {
    "{Place} has changed a great deal in a generation. Many of the small "
    "workshops and warehouses that once lined its streets have gone, replaced by "
    "flats, cafés and car parks, and people who have lived there all their lives "
    "say they sometimes struggle to recognise the neighbourhood they grew up in.",
    "Figures from the Regional Assembly’s statistics office show that the "
    "population of {place} has grown by about {pct3} per cent in ten years, "
    "faster than the Brenmoor average, with much of the growth among families "
    "with young children and people over seventy.",
    "In the cafés and shops of {place}, the subject comes up sooner or later in "
    "most conversations. Few people the Courier spoke to had read the official "
    "documents, but almost all had a view, and most had a story about how it "
    "would affect them.",
    "{Place} has a younger population than it did twenty years ago, and a more "
    "varied one. More than thirty languages are now spoken in its schools, and "
    "its shops and cafés reflect the families who have settled there.",
};

/* Shared paragraphs for stories about a plan, a decision or a dispute. */
static const char *const generic_contested[] = {
    "At a public meeting in {place} {when}, more than {n4} people crowded into a "
    "hall built for half that number. Several speakers said they had heard about "
    "the proposals only from neighbours or from notices taped to lamp posts, and "
    "asked for more time to respond.",
    "Local businesses are divided. Some shopkeepers on {street} say anything "
    "that brings more people into {place} is welcome; others fear months of "
    "disruption when trade is already fragile. “We’ll wait and see,” said one "
    "café owner, who asked not to be named. “We have heard a lot of promises "
    "before.”",
    "Councillors representing {place} have asked "
    "officers for a briefing, and one said the issue "
    "had dominated her inbox for weeks.",
    "The issue has been argued over at length in local groups online, where "
    "opinions range from enthusiastic support to outright hostility. A petition "
    "started {when} had gathered several hundred signatures by the time this "
    "newspaper went to press.",
    "{Council} said it would publish all the documents "
    "relating to the decision online and make printed "
    "copies available at the library.",
    "The issue is expected to feature in the campaign for the next local "
    "elections, and candidates from several parties have already made their "
    "positions known on doorsteps across {place}.",
    "Not everyone is convinced that the figures add up. An independent analysis "
    "commissioned by a residents’ group, seen by the Courier, questions several "
    "of the assumptions behind them and suggests the real cost could be "
    "significantly higher.",
    "For older residents, the story is a familiar one. {p5}, who has lived on "
    "{street2} for more than forty years, remembers a similar debate in the "
    "1990s. “They said then it would all be sorted within five years. I’m still "
    "waiting,” said {p5s}.",
    "Those who work in {place} say the debate sometimes overlooks the people "
    "most affected. “The people who will feel this are the ones who don’t go to "
    "meetings,” said {p6}, who volunteers at a food bank on {street}. “They are "
    "working, or caring for someone, or they don’t think anyone will listen.”",
    "Campaigners say they will keep up the pressure. They plan to deliver a "
    "letter to the council leader and to attend every public meeting at which "
    "the issue is discussed until a final decision has been made.",
    "The timing is awkward for {council}, which is trying to find savings across "
    "almost every service while demand for help with housing, care and transport "
    "keeps rising.",
    "Officials stress that no final decisions have been taken, and that the "
    "figures published so far are estimates that will be refined as the work "
    "goes on.",
};

/* Shared paragraphs for good news and plain reports. */
static const char *const generic_calm[] = {
    "{Place} has had its share of difficult news in recent years, and several "
    "people said they were glad of a story that made them proud. “It’s nice to "
    "be in the paper for something good for once,” said one.",
    "The news was shared widely online {when}, "
    "with many people posting memories and "
    "photographs of their own.",
    "Local councillors welcomed the news. One said it showed what could be "
    "achieved when people in {place} worked together, and promised to make sure "
    "the momentum was not lost.",
    "Not everyone was surprised. “Anyone who lives here "
    "could have told you,” said one resident. “It just took "
    "the rest of the city a while to notice.”",
    "Those involved were quick to thank the volunteers who had made it possible, "
    "many of whom had given up evenings and weekends for months. “None of this "
    "happens without them,” said {p6}.",
    "It has not always been easy. Those involved spoke of setbacks, funding bids "
    "that failed and months when it seemed nothing would happen. “There were "
    "times we nearly gave up,” said {p6}. “I’m glad we didn’t.”",
    "For many in {place}, the story is a reminder of what the area can do when "
    "it pulls together. “People like to write us off,” said {p5}, who has lived "
    "on {street2} for more than forty years. “They shouldn’t.”",
};

static const char *const closers_contested[] = {
    "{Council} is expected to respond formally within the next month. The "
    "Courier will continue to follow the story; readers with information can "
    "contact the newsdesk at newsdesk@example.org.",
    "A further public meeting is planned in {place} "
    "in the coming weeks, and residents can also "
    "send their views in writing.",
    "Whatever the outcome, few in {place} expect the argument to end soon.",
    "More of our reporting from {place} is on the [news pages](/news/).",
};

static const char *const closers_calm[] = {
    "Readers with news from {place} "
    "can contact the newsdesk at "
    "newsdesk@example.org.",
    "More of our reporting from {place} is on the [news pages](/news/).",
};

static const char *const generic_heads[] = {
    "What happens next",   "The background",  "Reaction",           "The numbers",
    "Voices from {place}", "A long argument", "What residents say",
};

/* Statements speak for an organisation, in the first person plural. Bodies
 * that run a service commit themselves; unions and residents make demands. */
static const char *const statement_intros[] = {
    "{Org_list} make{s} this statement on {issue}. We "
    "set out below what we know, what must now happen "
    "and how we will follow it up.",
    "This statement is issued by {org_list} following "
    "recent events concerning {issue}, which have "
    "caused real concern in {place}.",
    "In this statement, {org_list} set{s} out {its} "
    "position on {issue}, which has been the subject of "
    "much public discussion in recent weeks.",
};

static const char *const statement_paras_any[] = {
    "We have listened carefully to the residents, workers and families affected. "
    "Many of them told us that they first learned of the problem from rumour "
    "rather than from the people responsible, and that when they asked questions "
    "they received no clear answers. That must change.",
    "We recognise that there are no simple solutions and that resources are "
    "limited. But the cost of doing nothing is already being paid, by people in "
    "{place} who have waited too long for action.",
    "Where our information is incomplete, we have said so. We would rather "
    "publish what we know now, and correct it later if necessary, than leave "
    "people in {place} to rely on rumour.",
    "We are grateful to everyone who has contacted us with their experiences, "
    "including those who asked not to be named. Their accounts have shaped every "
    "part of this statement.",
    "The people of {place} have shown great patience and good humour in "
    "difficult circumstances. They deserve clear information and timely action, "
    "and we intend to make sure they get both.",
    "We have shared a draft of this statement with the other bodies concerned "
    "and taken account of their comments where we could. Responsibility for its "
    "contents is ours alone.",
    "We know that many people in {place} will read this statement with some "
    "scepticism, having read others like it before. We understand why. We ask to "
    "be judged on what happens next, and we have set out dates so that we can be.",
};

static const char *const statement_paras_demand[] = {
    "Over the past {weeks} weeks we have met those responsible, written to them "
    "on several occasions and attended public meetings in {place}. We have been "
    "thanked for our views. We have not yet been given a timetable.",
    "The people affected have been patient. They have filled in forms, attended "
    "consultations and waited for promised reports. They are entitled to expect "
    "that the commitments made to them will be kept, and that when they are not, "
    "someone will explain why.",
    "We want to be clear about what this statement is not. It is not an attack "
    "on the staff who work hard every day, often in difficult conditions, to "
    "keep services running. Many of them share our concerns and have told us so.",
    "We are ready to meet at any time to discuss these points, and at short "
    "notice. We ask only that any meeting leads to decisions, and that those "
    "decisions are written down and published.",
    "We will report on the response we "
    "receive, and we will publish any "
    "written reply in full.",
    "We have considered carefully whether the arrangements now in place are "
    "adequate. Our conclusion is that they are not, and that without the changes "
    "set out here the same problems will recur.",
};

static const char *const statement_paras_commit[] = {
    "We accept that the response so far has not been good enough, and that "
    "residents have been right to say so. Putting that right is our "
    "responsibility, and we do not intend to pass it to anyone else.",
    "Each of the commitments set out here has a date attached and a named "
    "officer responsible for meeting it. We will publish progress against every "
    "one of them.",
    "Some of these measures will take time, and some will cost money that has to "
    "be found from budgets that are already stretched. We have chosen to set "
    "them out now, in public, so that nobody is in any doubt about what we have "
    "promised.",
    "We have discussed these commitments with residents’ representatives, trade "
    "unions and the other public bodies involved, and we have changed several of "
    "them as a result.",
    "If it becomes clear that any of these commitments "
    "cannot be met on time, we will say so publicly, "
    "explain why and set a new date.",
    "We thank the staff who have worked long hours "
    "in difficult conditions, and the residents who "
    "have been patient with them.",
};

/* Said just before the numbered points. */
static const char *const statement_lead_ins_demand[] = {
    "None of what follows is new. Each of these points has been raised before, "
    "in meetings, in letters and in evidence to public inquiries. What is new is "
    "our determination to see them carried out.",
    "We are therefore asking for the "
    "following, and we ask for a written "
    "answer to each point.",
};

static const char *const statement_lead_ins_commit[] = {
    "We have therefore agreed the following "
    "measures, which take effect immediately "
    "unless a date is given.",
    "After discussion with those affected, we have agreed the following.",
};

static const char *const statement_heads_demand[] = {
    "What we are asking for",
    "Our demands",
    "What must happen",
};

static const char *const statement_heads_commit[] = {
    "Our commitments",
    "What we will do",
    "What happens now",
};

static const char *const statement_more_heads[] = {
    "Background",
    "Why this matters",
};

static const char *const statement_points[] = {
    "A meeting between all the parties "
    "within {days} days, with minutes "
    "published afterwards.",
    "A named person responsible for the "
    "response, whom the public can "
    "contact directly.",
    "Written updates at least every {weeks} weeks until the matter is resolved.",
    "An independent review of what "
    "went wrong, with its findings "
    "published in full.",
    "No decision affecting {place} without a public meeting in {place} first.",
    "Fair compensation for those who have "
    "suffered loss, without a complicated "
    "application process.",
};

static const char *const statement_closers[] = {
    "Enquiries about this statement may be sent to press@example.org.",
    "We will publish a further statement when there is more to report.",
    "This statement has been agreed in full by those who sign it below.",
};

/* Opinion: the voice of the Courier's columnist. */
static const char *const opinion_subtitles[] = {
    "Those who make the decisions should spend an afternoon in {place} first.",
    "There is a better way to do this, "
    "and {place} has been pointing to "
    "it for years.",
    "The facts are not in dispute; what we do about them is.",
    "It is time to stop consulting and start deciding.",
    "A column about patience, and how quickly it runs out in {place}.",
    "The people of {place} have been asked "
    "for their views often enough, and now "
    "they want answers.",
};

static const char *const opinion_paras[] = {
    "I have lived in this city for most of my life, and I have learned to be "
    "suspicious of anyone who says a problem will be solved by next year. "
    "Problems in Northgate are solved, when they are solved at all, by people "
    "who keep turning up long after the cameras have gone.",
    "It is worth remembering how we got here. None of this happened overnight. "
    "It happened through a long series of small decisions, each of which seemed "
    "sensible at the time, and each of which was taken by people who would not "
    "have to live with the consequences.",
    "I put the question to a few people in {place} this week: a shopkeeper on "
    "{street}, a retired nurse, two teenagers waiting for a bus. None of them "
    "had read the report. All of them knew exactly what it said, because they "
    "had been living it for years.",
    "There is a habit in public life of treating every objection as obstruction "
    "and every question as an attack. It is a bad habit. The people who ask "
    "awkward questions at public meetings are usually the ones who care most "
    "about the place.",
    "Nor should we pretend that money is no object. It is. Every pound spent "
    "here is a pound that cannot be spent on something else, and those who want "
    "more of one thing should say honestly what they would have less of.",
    "What strikes me most is how rarely the people affected are asked. They are "
    "consulted, which is not the same thing. They are sent a form, invited to a "
    "drop-in session on a weekday afternoon and thanked for their views, and "
    "then the decision is made somewhere else.",
    "I taught history for thirty years, and if history teaches anything about "
    "this city it is that Northgate does best when it stops waiting for someone "
    "else to rescue it. The harbour was dug by local hands. The first council "
    "houses were built because local people demanded them.",
    "None of this is an argument for doing nothing. It is an argument for doing "
    "things properly: for telling people the truth about costs, for listening "
    "before deciding, and for admitting when a plan has gone wrong rather than "
    "hoping nobody notices.",
    "Readers will tell me, as they always do, that I am being naive. Perhaps. "
    "But I have watched cynicism win too many arguments in this city, and I have "
    "never once seen it build anything.",
    "There will be another report, and another consultation, and another "
    "promise. I would settle for a date, a budget and the name of the person "
    "responsible. That is not much to ask. It is, somehow, almost never offered.",
    "A reader wrote to me last month to say that I only ever complain. It is a "
    "fair charge, so let me say what is good. {Place} is full of people who run "
    "clubs, clean up parks, sit on committees and visit neighbours, for nothing, "
    "every week. They are the reason {area} works at all.",
    "The officials I have dealt with over the years have mostly been decent, "
    "hard-working people. The problem is rarely the individuals. It is a system "
    "that rewards caution, punishes candour and treats the public as an audience "
    "rather than a partner.",
    "My late husband used to say that you can judge a city by its pavements. He "
    "meant that the small, dull, daily things tell you more about who is cared "
    "for than any grand project. I think of that whenever I walk down {street}.",
    "We are, all of us, quicker to notice what is taken away than what is "
    "quietly kept going. Perhaps that is why the people who keep things going "
    "are so rarely thanked, and so often cut.",
    "I am not an expert, and I do not pretend to be. But I have sat through "
    "enough meetings to recognise the moment when a decision has already been "
    "made and the consultation is there to decorate it.",
};

static const char *const opinion_heads[] = {
    "The view from {place}",
    "An old argument",
    "What should happen",
    "Follow the money",
};

static const char *const opinion_closers[] = {
    "The decision will be taken in the coming weeks. I hope those who take it "
    "will walk down {street} first. They might learn more in an hour there than "
    "in a year of reports.",
    "{Place} has been patient for long "
    "enough. It deserves an answer, and "
    "it deserves it soon.",
    "I will be at the next public meeting. I hope to see some of you there.",
    "Write and tell me I am wrong; you usually do. "
    "The address is at the foot of the [letters "
    "page](/opinion/letters/).",
};

/* Who signs for each organisation, and whether it runs the service in
 * question (and so makes commitments) or speaks for those who use or work in
 * it (and so makes demands). */
struct signer {
        const char *org_slug, *who, *short_name;
        bool commits;
};

static const struct signer signers[] = {
    {"committee-on-security", "Councillor Amina Rahal, Chair",
     "the Committee on Security of Northgate City Council", true},
    {"housing-committee", "Councillor Peter Szabo, Chair", "the Committee on Housing and Planning",
     true},
    {"harbour-workers-union", "Declan Moss, General Secretary",
     "the Northgate Harbour Workers’ Union", false},
    {"regional-water-authority", "Dr Ines Falk, Chief Executive", "the Regional Water Authority",
     true},
    {"northgate-harbour-board", "Alastair Venn, Chief Executive", "the Northgate Harbour Board",
     true},
    {"saltings-tenants", "Joyce Mbeki, Secretary", "the Saltings Tenants’ Association", false},
    {"care-workers-union", "Sinead Okonjo, Branch Secretary", "the Brenmoor Care Workers’ Union",
     false},
};

/* ---- machinery --------------------------------------------------------- */

/* Bodies stay under this many words, counted as gz_demo_word_count does. */
#define MAX_WORDS 990
#define MIN_WORDS 610

/* splitmix64: tiny, fast, and the same sequence on every platform. */
struct rng {
        uint64_t state;
};

static uint64_t
rng_next(struct rng *r)
{
        uint64_t z = (r->state += UINT64_C(0x9E3779B97F4A7C15));
        z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
        return z ^ (z >> 31);
}

static size_t
rng_below(struct rng *r, size_t n)
{
        return (size_t)(rng_next(r) % n);
}

static bool
rng_chance(struct rng *r, unsigned percent)
{
        return rng_below(r, 100) < percent;
}

#define PICK(r, arr) ((arr)[rng_below((r), GZ_ARRAY_LEN(arr))])

static int
rng_range(struct rng *r, struct range rg)
{
        int step = rg.step > 0 ? rg.step : 1;
        int steps = (rg.hi - rg.lo) / step + 1;
        return rg.lo + step * (int)rng_below(r, (size_t)(steps > 0 ? steps : 1));
}

/* Number of leading non-NULL entries of a fixed-size array. */
static size_t
filled(const char *const *arr, size_t cap)
{
        size_t n = 0;
        while (n < cap && arr[n] != NULL)
                n++;
        return n;
}

#define FILLED(arr) filled((arr), GZ_ARRAY_LEN(arr))

static void
shuffle(struct rng *r, const char **items, size_t n)
{
        for (size_t i = n; i > 1; i--) {
                size_t j = rng_below(r, i);
                const char *t = items[i - 1];
                items[i - 1] = items[j];
                items[j] = t;
        }
}

size_t
gz_demo_word_count(const char *text)
{
        size_t words = 0;
        const unsigned char *p = (const unsigned char *)text;
        while (*p != '\0') {
                while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
                        p++;
                bool has_alnum = false;
                while (*p != '\0' && *p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
                        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                            (*p >= '0' && *p <= '9'))
                                has_alnum = true;
                        p++;
                }
                if (has_alnum)
                        words++;
        }
        return words;
}

/* ---- values -------------------------------------------------------------- */

static const char *const small_numbers[10] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
};

/* "1,250": newspaper style groups thousands. */
static char *
fmt_grouped(struct gz_arena *a, long long v)
{
        char digits[32], out[48];
        int n = snprintf(digits, sizeof(digits), "%lld", v < 0 ? -v : v);
        size_t o = 0;
        if (v < 0)
                out[o++] = '-';
        for (int i = 0; i < n; i++) {
                if (i > 0 && (n - i) % 3 == 0)
                        out[o++] = ',';
                out[o++] = digits[i];
        }
        out[o] = '\0';
        return gz_arena_strdup(a, out);
}

/* Counts below ten are spelled out, as in running text. */
static const char *
fmt_count(struct gz_arena *a, int v)
{
        if (v >= 0 && v < 10)
                return small_numbers[v];
        return fmt_grouped(a, v);
}

/* Thousands of pounds as "£4.2 million" for text and "£4.2m" for headlines. */
static void
fmt_money(struct gz_arena *a, int thousands, const char **text, const char **headline)
{
        if (thousands < 1000) {
                *text = *headline = gz_arena_printf(a, "£%s", fmt_grouped(a, thousands * 1000LL));
                return;
        }
        int tenths = (thousands + 50) / 100;
        if (tenths % 10 == 0) {
                *text = gz_arena_printf(a, "£%d million", tenths / 10);
                *headline = gz_arena_printf(a, "£%dm", tenths / 10);
        } else {
                *text = gz_arena_printf(a, "£%d.%d million", tenths / 10, tenths % 10);
                *headline = gz_arena_printf(a, "£%d.%dm", tenths / 10, tenths % 10);
        }
}

struct gen {
        struct rng rng;
        struct gz_arena *arena;
        const struct topic *topic;
        unsigned variant_bit; /* V1, V2 or V3 */
        bool in_town;         /* the story is set in a town of the region */
        const char *bill_tag; /* the tag of the Assembly bill the story is about */
        const char *val[K__MAX];
        struct gz_buf body, scratch;
        size_t words;
};

static const char *
lookup(const struct gen *g, const char *name, size_t n, bool *capitalise)
{
        *capitalise = n > 0 && name[0] >= 'A' && name[0] <= 'Z';
        for (size_t k = 0; k < K__MAX; k++) {
                const char *key = key_names[k];
                if (strlen(key) != n)
                        continue;
                char first = *capitalise ? (char)(name[0] - 'A' + 'a') : name[0];
                if (key[0] == first && memcmp(key + 1, name + 1, n - 1) == 0)
                        return g->val[k];
        }
        return NULL;
}

/* Appends tpl with its {key} slots filled. An unknown key is copied as it
 * stands, braces and all, so that a test can catch it. */
static void
expand(const struct gen *g, struct gz_buf *out, const char *tpl)
{
        const char *p = tpl;
        while (*p != '\0') {
                const char *open = strchr(p, '{');
                const char *close = open != NULL ? strchr(open, '}') : NULL;
                if (open == NULL || close == NULL) {
                        gz_buf_puts(out, p);
                        return;
                }
                gz_buf_put(out, p, (size_t)(open - p));
                bool capitalise;
                const char *v = lookup(g, open + 1, (size_t)(close - open - 1), &capitalise);
                if (v == NULL) {
                        gz_buf_put(out, open, (size_t)(close - open + 1));
                } else if (capitalise && v[0] >= 'a' && v[0] <= 'z') {
                        gz_buf_putc(out, (char)(v[0] - 'a' + 'A'));
                        gz_buf_puts(out, v + 1);
                } else {
                        gz_buf_puts(out, v);
                }
                p = close + 1;
        }
}

/* A new string in the arena; headlines and captions start with a capital,
 * phrases to be used inside a sentence do not. */
static char *
expand_str(const struct gen *g, const char *tpl, bool capitalise)
{
        struct gz_buf b;
        gz_buf_init(&b, g->arena);
        expand(g, &b, tpl);
        if (b.data == NULL)
                return gz_arena_strdup(g->arena, "");
        if (capitalise && b.data[0] >= 'a' && b.data[0] <= 'z')
                b.data[0] = (char)(b.data[0] - 'a' + 'A');
        return b.data;
}

static char *
expand_new(const struct gen *g, const char *tpl)
{
        return expand_str(g, tpl, true);
}

/* Capitalises the first letter after a block's Markdown prefix. */
static void
capitalise_from(struct gz_buf *b, size_t from)
{
        if (from < b->len && b->data[from] >= 'a' && b->data[from] <= 'z')
                b->data[from] = (char)(b->data[from] - 'a' + 'A');
}

/* Moves the block built in scratch into the body if it fits under limit. */
static bool
commit(struct gen *g, size_t limit)
{
        size_t w = gz_demo_word_count(g->scratch.data);
        if (g->words + w > limit)
                return false;
        gz_buf_put(&g->body, g->scratch.data, g->scratch.len);
        gz_buf_puts(&g->body, "\n\n");
        g->words += w;
        return true;
}

static bool
add_para(struct gen *g, const char *tpl, size_t limit)
{
        gz_buf_truncate(&g->scratch, 0);
        expand(g, &g->scratch, tpl);
        capitalise_from(&g->scratch, 0);
        return commit(g, limit);
}

static bool
add_head(struct gen *g, const char *tpl)
{
        gz_buf_truncate(&g->scratch, 0);
        gz_buf_puts(&g->scratch, "## ");
        expand(g, &g->scratch, tpl);
        capitalise_from(&g->scratch, 3);
        return commit(g, MAX_WORDS - 60);
}

/* A quote, either run into a paragraph or set as a block quote followed by
 * a line saying who spoke. */
static bool
add_quote(struct gen *g, const struct quote *q, size_t limit)
{
        const char *speaker = expand_str(g, q->speaker, false);
        gz_buf_truncate(&g->scratch, 0);
        if (rng_chance(&g->rng, 45)) {
                static const char *const lead_ins[][2] = {
                    {"That was how ", " put it."},
                    {"So said ", "."},
                    {"Those were the words of ", "."},
                };
                size_t i = rng_below(&g->rng, GZ_ARRAY_LEN(lead_ins));
                gz_buf_puts(&g->scratch, "> “");
                expand(g, &g->scratch, q->text);
                gz_buf_puts(&g->scratch, "”\n\n");
                size_t from = g->scratch.len;
                gz_buf_puts(&g->scratch, lead_ins[i][0]);
                gz_buf_puts(&g->scratch, speaker);
                /* Close the apposition: "That was how Ann Lee, a nurse, put it." */
                if (i == 0 && strchr(speaker, ',') != NULL)
                        gz_buf_putc(&g->scratch, ',');
                gz_buf_puts(&g->scratch, lead_ins[i][1]);
                capitalise_from(&g->scratch, from);
        } else {
                if (rng_chance(&g->rng, 30))
                        gz_buf_puts(&g->scratch, "Speaking to the Courier, ");
                gz_buf_puts(&g->scratch, speaker);
                /* "Ann Lee, the head teacher, said", but "Ann Lee said". */
                gz_buf_puts(&g->scratch, strchr(speaker, ',') != NULL ? ", said: “" : " said: “");
                expand(g, &g->scratch, q->text);
                gz_buf_puts(&g->scratch, "”");
                capitalise_from(&g->scratch, 0);
        }
        return commit(g, limit);
}

/* A numbered list of count items drawn from items, after an introduction. */
static bool
add_numbered(struct gen *g, const char *intro, const char **items, size_t count, size_t limit)
{
        gz_buf_truncate(&g->scratch, 0);
        if (intro != NULL) {
                expand(g, &g->scratch, intro);
                capitalise_from(&g->scratch, 0);
                gz_buf_puts(&g->scratch, "\n\n");
        }
        for (size_t i = 0; i < count; i++) {
                gz_buf_printf(&g->scratch, "%zu. ", i + 1);
                size_t from = g->scratch.len;
                expand(g, &g->scratch, items[i]);
                capitalise_from(&g->scratch, from);
                if (i + 1 < count)
                        gz_buf_putc(&g->scratch, '\n');
        }
        return commit(g, limit);
}

static bool
suits(unsigned mask, unsigned variant_bit)
{
        return mask == 0 || (mask & variant_bit) != 0;
}

/* The topic's neutral paragraphs that suit this story, shuffled. With
 * variant_bit 0 only those that suit every story. */
static size_t
topic_paras(struct gen *g, const char **out)
{
        const struct topic *t = g->topic;
        size_t n = 0;
        for (size_t i = 0; i < FILLED(t->paras); i++) {
                bool ok = g->variant_bit == 0 ? t->para_mask[i] == 0
                                              : suits(t->para_mask[i], g->variant_bit);
                if (ok)
                        out[n++] = t->paras[i];
        }
        shuffle(&g->rng, out, n);
        return n;
}

/* ---- choosing the story's world ------------------------------------------ */

static const char *
pick_other(struct rng *r, const char *const *pool, size_t n, const char *not_this)
{
        for (;;) {
                const char *s = pool[rng_below(r, n)];
                if (s != not_this)
                        return s;
        }
}

static void
pick_people(struct gen *g)
{
        /* Six different people: no two share a first name or a surname. */
        size_t firsts[6], lasts[6];
        for (size_t i = 0; i < 6; i++) {
                bool again;
                do {
                        firsts[i] = rng_below(&g->rng, GZ_ARRAY_LEN(first_names));
                        lasts[i] = rng_below(&g->rng, GZ_ARRAY_LEN(surnames));
                        again = false;
                        for (size_t j = 0; j < i; j++)
                                if (firsts[j] == firsts[i] || lasts[j] == lasts[i])
                                        again = true;
                } while (again);
                g->val[K_P1 + i] =
                    gz_arena_printf(g->arena, "%s %s", first_names[firsts[i]], surnames[lasts[i]]);
                g->val[K_P1S + i] = surnames[lasts[i]];
        }
}

static void
pick_values(struct gen *g, const char *section)
{
        struct rng *r = &g->rng;
        const struct topic *t = g->topic;
        struct gz_arena *a = g->arena;

        if (strcmp(section, "news/region") == 0)
                g->in_town = true;
        else if (strcmp(section, "news/city") == 0 || t->scope == SCOPE_CITY)
                g->in_town = false;
        else if (t->scope == SCOPE_REGION)
                g->in_town = true;
        else
                g->in_town = rng_chance(r, 35);

        if (g->in_town) {
                g->val[K_PLACE] = PICK(r, towns);
                g->val[K_PLACE2] = pick_other(r, towns, GZ_ARRAY_LEN(towns), g->val[K_PLACE]);
                g->val[K_AREA] = "the town";
                g->val[K_COUNCIL] = "the town council";
                g->val[K_HOSPITAL] = "Stannick Community Hospital";
        } else {
                g->val[K_PLACE] = PICK(r, districts);
                g->val[K_PLACE2] =
                    pick_other(r, districts, GZ_ARRAY_LEN(districts), g->val[K_PLACE]);
                g->val[K_AREA] = "the city";
                g->val[K_COUNCIL] = "the city council";
                g->val[K_HOSPITAL] = "Northgate General Hospital";
        }
        g->val[K_STREET] = PICK(r, streets);
        g->val[K_STREET2] = pick_other(r, streets, GZ_ARRAY_LEN(streets), g->val[K_STREET]);
        pick_people(g);
        g->val[K_AGE] = fmt_grouped(a, 24 + (long long)rng_below(r, 62));
        g->val[K_BIZ] = gz_arena_printf(a, "%s %s", PICK(r, surnames), PICK(r, trades));
        g->val[K_SITE] = PICK(r, sites);
        const char *school_name = PICK(r, school_names);
        g->val[K_SCHOOL] = gz_arena_printf(a, "%s %s", school_name, PICK(r, school_kinds));
        g->val[K_SCHOOL2] = gz_arena_printf(
            a, "%s %s", pick_other(r, school_names, GZ_ARRAY_LEN(school_names), school_name),
            PICK(r, school_kinds));
        g->val[K_SHIP] = gz_arena_printf(a, "%s %s", PICK(r, ship_first), PICK(r, ship_second));
        g->val[K_VENUE] = PICK(r, venues);
        g->val[K_FESTIVAL] = PICK(r, festivals);
        switch (rng_below(r, 3)) {
        case 0:
                g->val[K_WORK] =
                    gz_arena_printf(a, "The %s %s", PICK(r, work_adjs), PICK(r, work_nouns));
                break;
        case 1:
                g->val[K_WORK] =
                    gz_arena_printf(a, "%s %s", PICK(r, work_adjs), PICK(r, work_nouns));
                break;
        default: {
                const char *first = PICK(r, work_nouns);
                g->val[K_WORK] =
                    gz_arena_printf(a, "%s and %s", first,
                                    pick_other(r, work_nouns, GZ_ARRAY_LEN(work_nouns), first));
                break;
        }
        }
        g->val[K_ENSEMBLE] = PICK(r, ensembles);
        g->val[K_PARTY] = PICK(r, parties);
        g->val[K_PARTY2] = pick_other(r, parties, GZ_ARRAY_LEN(parties), g->val[K_PARTY]);
        g->val[K_FOREIGN] = PICK(r, foreign_cities);
        const struct employer *e = &employers[rng_below(r, GZ_ARRAY_LEN(employers))];
        g->val[K_EMPLOYER] = e->name;
        g->val[K_WORKERS] = e->workers;
        g->val[K_SERVICE] = PICK(r, services);
        g->val[K_PROJECT] = PICK(r, projects);
        const struct bill *b = &bills[rng_below(r, GZ_ARRAY_LEN(bills))];
        g->val[K_BILL] = b->name;
        g->val[K_THEME] = b->theme;
        g->bill_tag = b->tag;

        int n1 = rng_range(r, t->n1), n2 = rng_range(r, t->n2);
        if (t->assembly_votes)
                n2 = 74 - n1 - (int)rng_below(r, 4);
        g->val[K_N1] = fmt_count(a, n1);
        g->val[K_N2] = fmt_count(a, n2);
        g->val[K_N3] = fmt_count(a, rng_range(r, t->n3));
        g->val[K_N4] = fmt_count(a, 40 + 5 * (int)rng_below(r, 45));
        fmt_money(a, rng_range(r, t->money_k), &g->val[K_MONEY], &g->val[K_MONEY_H]);
        fmt_money(a, rng_range(r, t->money2_k), &g->val[K_MONEY2], &g->val[K_MONEY2_H]);
        int pct = rng_range(r, t->pct);
        int pct2 = pct > 3 ? 2 + (int)rng_below(r, (size_t)(pct - 2)) : 1;
        g->val[K_PCT] = fmt_grouped(a, pct);
        g->val[K_PCT2] = fmt_grouped(a, pct2);
        g->val[K_PCT3] = fmt_grouped(a, 5 + (long long)rng_below(r, 20));
        g->val[K_YEARS] = fmt_count(a, 3 + (int)rng_below(r, 28));
        g->val[K_WEEKS] = fmt_count(a, 2 + (int)rng_below(r, 11));
        static const int day_counts[] = {7, 10, 14, 21, 28};
        g->val[K_DAYS] = fmt_count(a, day_counts[rng_below(r, GZ_ARRAY_LEN(day_counts))]);
        int route = 1 + (int)rng_below(r, 99);
        g->val[K_ROUTE] =
            rng_chance(r, 20) ? gz_arena_printf(a, "%dA", route) : gz_arena_printf(a, "%d", route);
        g->val[K_WHEN] = PICK(r, whens);
}

/* ---- the three kinds of generated article ---------------------------------- */

static const char *
tag_named(const char *name)
{
        for (size_t i = 0; i < gz_demo_tag_count; i++)
                if (strcmp(gz_demo_tags[i], name) == 0)
                        return gz_demo_tags[i];
        return NULL;
}

static void
pick_tags(struct gen *g, struct gz_demo_article *out, const char *extra)
{
        const char *pool[6];
        size_t n = 0;
        for (size_t i = 0; i < FILLED(g->topic->tags); i++) {
                const char *name = g->topic->tags[i];
                if (g->in_town && strcmp(name, "City Council") == 0)
                        continue;
                pool[n++] = name;
        }
        if (extra != NULL)
                pool[n++] = extra;
        /* The topic's first tag always; others at random. */
        if (n > 1)
                shuffle(&g->rng, pool + 1, n - 1);
        size_t want = 1 + rng_below(&g->rng, 3);
        if (want > n)
                want = n;
        size_t k = 0;
        for (size_t i = 0; i < want; i++)
                out->tags[k++] = tag_named(pool[i]);
        if (k < 3 && strcmp(g->val[K_PLACE], "the Saltings") == 0)
                out->tags[k++] = tag_named("The Saltings");
        out->tags[k] = NULL;
}

static void
pick_image(struct gen *g, struct gz_demo_article *out, unsigned variant_bit)
{
        out->image = rng_chance(&g->rng, 70);
        if (!out->image)
                return;
        const struct topic *t = g->topic;
        const char *fits[3];
        size_t n = 0;
        for (size_t i = 0; i < FILLED(t->captions); i++)
                if (variant_bit == 0 ? t->caption_mask[i] == 0
                                     : suits(t->caption_mask[i], variant_bit))
                        fits[n++] = t->captions[i];
        out->image_alt = gz_demo_scenes[rng_below(&g->rng, gz_demo_scene_count)].alt;
        out->image_caption =
            n > 0 ? expand_new(g, fits[rng_below(&g->rng, n)]) : expand_new(g, "{Place}.");
        out->image_credit = gz_demo_image_credit;
}

static void
fill_from(struct gen *g, const char **pool, size_t n, size_t *next, size_t target)
{
        while (g->words < target && *next < n)
                add_para(g, pool[(*next)++], MAX_WORDS - 80);
}

static void
gen_news(struct gen *g, struct gz_demo_article *out)
{
        struct rng *r = &g->rng;
        const struct topic *t = g->topic;
        size_t vi = rng_below(r, 3);
        const struct variant *v = &t->variants[vi];
        g->variant_bit = 1u << vi;
        bool calm = (t->calm_mask & g->variant_bit) != 0;

        out->kind = "news";
        out->title = expand_new(g, v->titles[rng_below(r, FILLED(v->titles))]);
        out->subtitle = expand_new(g, v->subtitle);
        size_t nrep = FILLED(t->reporters);
        size_t first = rng_below(r, nrep);
        out->authors[0] = t->reporters[first];
        if (nrep > 1 && rng_chance(r, 25))
                out->authors[1] = t->reporters[(first + 1 + rng_below(r, nrep - 1)) % nrep];

        /* The topic's own material first: its paragraphs, this variant's extra one
         * and its quotes; shared paragraphs only top the story up. */
        const char *own[10];
        size_t no = topic_paras(g, own), io = 0;
        const char *extra[2] = {t->more[vi], t->more2[vi]};
        for (size_t e = 0; e < 2; e++) {
                if (extra[e] == NULL)
                        continue;
                size_t at = no > 1 ? 1 + rng_below(r, no) : no;
                for (size_t i = no; i > at; i--)
                        own[i] = own[i - 1];
                own[at] = extra[e];
                no++;
        }
        const char *shared[GZ_ARRAY_LEN(generic_any) + GZ_ARRAY_LEN(generic_contested)];
        size_t ns = GZ_ARRAY_LEN(generic_any), is = 0;
        memcpy(shared, generic_any, sizeof(generic_any));
        if (calm) {
                memcpy(shared + ns, generic_calm, sizeof(generic_calm));
                ns += GZ_ARRAY_LEN(generic_calm);
        } else {
                memcpy(shared + ns, generic_contested, sizeof(generic_contested));
                ns += GZ_ARRAY_LEN(generic_contested);
        }
        shuffle(r, shared, ns);
        const struct quote *quotes[4];
        size_t nq = 0, iq = 0;
        for (size_t i = 0; i < 4; i++)
                if (t->quotes[i].text != NULL && suits(t->quote_mask[i], g->variant_bit))
                        quotes[nq++] = &t->quotes[i];
        for (size_t i = nq; i > 1; i--) {
                size_t j = rng_below(r, i);
                const struct quote *tmp = quotes[i - 1];
                quotes[i - 1] = quotes[j];
                quotes[j] = tmp;
        }
        const char *heads[8];
        size_t nh = 0, ih = 0;
        for (size_t i = 0; i < FILLED(t->heads); i++)
                heads[nh++] = t->heads[i];
        heads[nh++] = PICK(r, generic_heads);
        shuffle(r, heads, nh);

        size_t target = 630 + rng_below(r, 220);
        add_para(g, v->lede, MAX_WORDS);
        if (io < no)
                add_para(g, own[io++], MAX_WORDS);
        if (iq < nq)
                add_quote(g, quotes[iq++], MAX_WORDS);
        add_head(g, heads[ih++]);
        for (int i = 0; i < 2 && io < no; i++)
                add_para(g, own[io++], MAX_WORDS);
        if (t->list_intro != NULL && suits(t->list_mask, g->variant_bit) && rng_chance(r, 55)) {
                const char *items[8];
                size_t ni = FILLED(t->list);
                memcpy(items, t->list, ni * sizeof(items[0]));
                shuffle(r, items, ni);
                size_t count = 3 + rng_below(r, 3);
                add_numbered(g, t->list_intro, items, count < ni ? count : ni, MAX_WORDS - 150);
        }
        if (iq < nq)
                add_quote(g, quotes[iq++], MAX_WORDS - 150);
        if (io < no)
                add_para(g, own[io++], MAX_WORDS - 150);
        if (rng_chance(r, 65) && ih < nh && (io < no || is < ns))
                add_head(g, heads[ih++]);
        while (io < no) {
                add_para(g, own[io++], MAX_WORDS - 100);
                if (iq < nq && rng_chance(r, 40))
                        add_quote(g, quotes[iq++], MAX_WORDS - 100);
        }
        while (g->words + 50 < target && is < ns)
                add_para(g, shared[is++], MAX_WORDS - 80);
        add_para(g, v->next, MAX_WORDS - 30);
        if (rng_chance(r, 35))
                add_para(g, calm ? PICK(r, closers_calm) : PICK(r, closers_contested), MAX_WORDS);
        fill_from(g, shared, ns, &is, MIN_WORDS);
        pick_image(g, out, g->variant_bit);
}

static const struct signer *
signer_for(const char *slug)
{
        for (size_t i = 0; i < GZ_ARRAY_LEN(signers); i++)
                if (strcmp(signers[i].org_slug, slug) == 0)
                        return &signers[i];
        return NULL;
}

static const char *
author_name(const char *slug)
{
        for (size_t i = 0; i < gz_demo_author_count; i++)
                if (strcmp(gz_demo_authors[i].slug, slug) == 0)
                        return gz_demo_authors[i].name;
        return slug;
}

static void
gen_statement(struct gen *g, struct gz_demo_article *out)
{
        struct rng *r = &g->rng;
        const struct topic *t = g->topic;
        g->variant_bit = 0;

        size_t norg = FILLED(t->orgs);
        size_t first = rng_below(r, norg);
        const struct signer *s1 = signer_for(t->orgs[first]), *s2 = NULL;
        if (norg > 1 && rng_chance(r, 35))
                s2 = signer_for(t->orgs[(first + 1 + rng_below(r, norg - 1)) % norg]);
        bool commits = s1->commits || (s2 != NULL && s2->commits);
        out->kind = "statement";
        out->authors[0] = s1->org_slug;
        out->authors[1] = s2 != NULL ? s2->org_slug : NULL;
        if (s2 != NULL) {
                g->val[K_ORG_LIST] =
                    gz_arena_printf(g->arena, "%s and %s", s1->short_name, s2->short_name);
                g->val[K_S] = "";
                g->val[K_ITS] = "their";
                out->signature =
                    gz_arena_printf(g->arena, "%s, %s\n%s, %s", s1->who, author_name(s1->org_slug),
                                    s2->who, author_name(s2->org_slug));
        } else {
                g->val[K_ORG_LIST] = s1->short_name;
                g->val[K_S] = "s";
                g->val[K_ITS] = "its";
                out->signature =
                    gz_arena_printf(g->arena, "%s\n%s", s1->who, author_name(s1->org_slug));
        }
        out->statement_days_before = (int)rng_below(r, 4);

        g->val[K_ISSUE] = expand_str(g, t->issues[rng_below(r, FILLED(t->issues))], false);
        switch (rng_below(r, 3)) {
        case 0:
                out->title = expand_new(g, s2 != NULL ? "Joint statement on {issue}"
                                                      : "Statement on {issue}");
                break;
        case 1:
                out->title = expand_new(g, "{Issue}: statement by {org_list}");
                break;
        default:
                out->title = expand_new(g, s2 != NULL ? "{Issue}: a joint statement"
                                                      : "{Org_list} on {issue}");
                break;
        }
        out->subtitle = expand_new(g, s2 != NULL ? "Joint statement by {org_list} on {issue}."
                                                 : "Statement by {org_list} on {issue}.");

        /* This voice's paragraphs and the shared ones, shuffled together. */
        const char *paras[GZ_ARRAY_LEN(statement_paras_any) + GZ_ARRAY_LEN(statement_paras_demand) +
                          GZ_ARRAY_LEN(statement_paras_commit)];
        size_t np = 0, ip = 0;
        for (size_t i = 0; i < GZ_ARRAY_LEN(statement_paras_any); i++)
                paras[np++] = statement_paras_any[i];
        if (commits)
                for (size_t i = 0; i < GZ_ARRAY_LEN(statement_paras_commit); i++)
                        paras[np++] = statement_paras_commit[i];
        else
                for (size_t i = 0; i < GZ_ARRAY_LEN(statement_paras_demand); i++)
                        paras[np++] = statement_paras_demand[i];
        shuffle(r, paras, np);
        const char *background[8];
        size_t nb = topic_paras(g, background), ib = 0;

        size_t target = 630 + rng_below(r, 160);
        add_para(g, PICK(r, statement_intros), MAX_WORDS);
        add_para(g, paras[ip++], MAX_WORDS);
        if (rng_chance(r, 60))
                add_para(g,
                         commits ? PICK(r, statement_lead_ins_commit)
                                 : PICK(r, statement_lead_ins_demand),
                         MAX_WORDS);
        add_head(g, commits ? PICK(r, statement_heads_commit) : PICK(r, statement_heads_demand));

        const char *topic_points[8], *shared_points[GZ_ARRAY_LEN(statement_points)];
        size_t ntp = FILLED(t->points), nsp = GZ_ARRAY_LEN(statement_points);
        memcpy(topic_points, t->points, ntp * sizeof(topic_points[0]));
        memcpy(shared_points, statement_points, sizeof(shared_points));
        shuffle(r, topic_points, ntp);
        shuffle(r, shared_points, nsp);
        const char *points[8];
        size_t k = 0, want_topic = 3 + rng_below(r, 3), want_shared = 1 + rng_below(r, 2);
        for (size_t i = 0; i < want_topic && i < ntp; i++)
                points[k++] = topic_points[i];
        for (size_t i = 0; i < want_shared; i++)
                points[k++] = shared_points[i];
        add_numbered(g, NULL, points, k, MAX_WORDS);

        add_para(g, paras[ip++], MAX_WORDS - 120);
        if (rng_chance(r, 70) && nb > 0) {
                add_head(g, PICK(r, statement_more_heads));
                for (size_t i = 0; i < 2 && ib < nb; i++)
                        add_para(g, background[ib++], MAX_WORDS - 120);
        }
        fill_from(g, paras, np, &ip, target - 30);
        add_para(g, PICK(r, statement_closers), MAX_WORDS);
        fill_from(g, paras, np, &ip, MIN_WORDS);
        fill_from(g, background, nb, &ib, MIN_WORDS);
        pick_image(g, out, 0);
}

static void
gen_opinion(struct gen *g, struct gz_demo_article *out)
{
        struct rng *r = &g->rng;
        const struct topic *t = g->topic;
        g->variant_bit = 0;

        out->kind = "opinion";
        out->section_path = "opinion/columns";
        out->authors[0] = "margaret-hale";
        out->title = expand_new(g, t->opinion_titles[rng_below(r, FILLED(t->opinion_titles))]);
        out->subtitle = expand_new(g, PICK(r, opinion_subtitles));

        /* The column opens with its own subject, and the columnist's general
         * reflections come in between and after. */
        const char *own[4];
        size_t no = FILLED(t->opinion_paras), io = 0;
        memcpy(own, t->opinion_paras, no * sizeof(own[0]));
        shuffle(r, own + 1, no - 1); /* the first is written to open a column */
        const char *paras[GZ_ARRAY_LEN(opinion_paras)];
        size_t np = GZ_ARRAY_LEN(opinion_paras), ip = 0;
        memcpy(paras, opinion_paras, sizeof(paras));
        shuffle(r, paras, np);
        const char *background[8];
        size_t nb = topic_paras(g, background), ib = 0;

        size_t target = 620 + rng_below(r, 160);
        add_para(g, own[io++], MAX_WORDS);
        if (ib < nb)
                add_para(g, background[ib++], MAX_WORDS);
        add_para(g, own[io++], MAX_WORDS);
        add_para(g, paras[ip++], MAX_WORDS);
        add_head(g, PICK(r, opinion_heads));
        while (io < no) {
                add_para(g, own[io++], MAX_WORDS - 120);
                if (ip < np)
                        add_para(g, paras[ip++], MAX_WORDS - 120);
        }
        if (ib < nb && rng_chance(r, 60))
                add_para(g, background[ib++], MAX_WORDS - 120);
        fill_from(g, paras, np, &ip, target - 40);
        add_para(g, PICK(r, opinion_closers), MAX_WORDS);
        fill_from(g, paras, np, &ip, MIN_WORDS);
        fill_from(g, background, nb, &ib, MIN_WORDS);
        pick_image(g, out, 0);
}

void
gz_demo_generate(uint64_t seed, struct gz_arena *a, struct gz_demo_article *out)
{
        struct gen g;
        memset(&g, 0, sizeof(g));
        memset(out, 0, sizeof(*out));
        g.rng.state = seed;
        g.arena = a;
        gz_buf_init(&g.body, a);
        gz_buf_init(&g.scratch, a);
        gz_buf_reserve(&g.body, 8192);
        gz_buf_reserve(&g.scratch, 2048);

        unsigned roll = (unsigned)rng_below(&g.rng, 100);
        enum { NEWS, STATEMENT, OPINION } kind = roll < 80 ? NEWS : roll < 90 ? STATEMENT : OPINION;
        if (kind == STATEMENT) {
                /* Only topics with someone to sign a statement. */
                size_t signable = 0;
                for (size_t i = 0; i < GZ_ARRAY_LEN(topics); i++)
                        signable += topics[i].orgs[0] != NULL;
                size_t k = rng_below(&g.rng, signable);
                for (size_t i = 0; i < GZ_ARRAY_LEN(topics) && g.topic == NULL; i++)
                        if (topics[i].orgs[0] != NULL && k-- == 0)
                                g.topic = &topics[i];
        } else {
                g.topic = &topics[rng_below(&g.rng, GZ_ARRAY_LEN(topics))];
        }
        const char *section = g.topic->sections[rng_below(&g.rng, FILLED(g.topic->sections))];
        pick_values(&g, section);
        out->section_path = section;
        out->slug = NULL;
        out->excerpt = NULL;
        out->days_ago = (int)rng_below(&g.rng, 730);
        out->hour = 6 + (int)rng_below(&g.rng, 17);

        switch (kind) {
        case NEWS:
                gen_news(&g, out);
                break;
        case STATEMENT:
                gen_statement(&g, out);
                break;
        case OPINION:
                gen_opinion(&g, out);
                break;
        }
        pick_tags(&g, out, g.topic->assembly_votes ? g.bill_tag : NULL);
        out->body_md = g.body.data;
}
