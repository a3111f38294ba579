"""The word lists the extractor reads text with: which capitalised words are no names, which nouns are
roles or bodies, which words give a gender. Kept apart from the rules that use them, one list each, as
space-separated words."""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that open sentences, dates and headings, never an actor's name.
NOT_A_NAME = words(
    "a according aedt aest after all am an and another any april as at august before both breaking bst but by cat "
    "cest cet december dr each earlier eat edt est february few for friday from gmt good here however if in ist "
    "it its january jst july june kst later live madam many march meanwhile monday month morning most mr mrs ms "
    "no november now nzdt nzst october on other please pm pst sast saturday september several sir so some such "
    "sunday thank thanks that the then there these this those thursday today tomorrow tuesday update utc wat "
    "wednesday week weekend welcome what when which while who whose with year yes yesterday yet still even only "
    "instead indeed nevertheless nonetheless similarly likewise separately elsewhere finally first second third "
    "also already again asked tonight moreover furthermore besides thus hence therefore anyway worth"
)

# Plurals ending like people-nouns (-ers, -ents, ...) that are not groups of people.
NOT_HUMAN_PLURALS = words(
    "agreements alternatives amendments archives arguments assets barriers borders centers centres chapters "
    "comments computers containers corridors departments developments doctors-without documents elements errors "
    "events factors figures filters floors governments grants incentives initiatives investments layers letters "
    "markers matters measures members-only moments motors numbers objectives orders papers payments percents "
    "plants powers quarters rents requirements restaurants sectors servers settlements statements talks tenants- "
    "rights towers waters funds bodies networks offices campaigns movements missions platforms trusts"
)

# Who holds a seat "for" a place ("the member for Sohar", "the MP for Tonbridge"): the place is their seat
SEAT_HOLDERS = frozenset(
    {"member", "mp", "deputy", "senator", "representative", "councillor", "mla", "td", "mep", "congressman"}
    | {"congresswoman", "assemblyman", "assemblywoman"}
)

# Nouns for the members of a body: 'its members', 'the nine members of the Bloc'.
MEMBER_NOUNS = words(
    "affiliates councillors delegates deputies lawmakers leadership member members members' mps representatives "
    "senators signatories whip ministers mlas tds meps legislators parliamentarians"
)

# The last words of a text's name ("the European Convention", "the Paris Agreement"): no he or she
DOCUMENT_HEADS = frozenset(
    {"Convention", "Treaty", "Charter", "Agreement", "Protocol", "Act", "Directive", "Regulation", "Declaration"}
    | {"Pact", "Constitution", "Law", "Code", "Decree", "Ordinance", "Statute"}
    # "the Pacific Access Category", "the Seasonal Worker Scheme": a programme, no he or she
    | {"Category", "Scheme", "Programme", "Program", "Strategy", "Lottery"}
)

# Lower-case words inside an organisation's name ("Society of Chartered Surveyors Ireland", "Danish
# Agriculture & Food Council")
NAME_JOINERS = words("of and for the in on de du des del da do dos das di della la le y e et van der &")

# the words that join a Malay or Arabic name to the father's ("Rosli bin Mahmud", "Norliza binti Sulaiman")
PATRONYMIC_LINKS = frozenset({"bin", "binti", "binte", "bint", "ibn"})
# Lower-case particles inside personal names: 'Ursula von der Leyen', 'Ibn Saud'.
# "a shop on Hang Giay", "a man on the next bench": the prepositions of where someone or something is
LOCATIVE_CASES = words("on in at around near along outside inside across behind off beside")
# a Romance name's word with its article elided into it ("d'Andorra", "all’Estero")
ELIDED_CAPITAL = re.compile(r"[a-z]{1,4}['’][A-ZÀ-Ý]")
PARTICLES = words(
    "al au aux bin binti binte bint da das de degli dei del della delle den der des di do dos du el et ibn la le ng "
    "ter van von y"
)

# Words that give a person's gender as male (titles, pronouns, role nouns).
MALE_WORDS = words(
    "brother businessman congressman father he him himself his husband king lord mr mr. prince sir son "
    "spokesman headmaster grandfather uncle nephew fisherman policeman councilman assemblyman awang haji encik"
)

# Words that give a person's gender as female.
FEMALE_WORDS = words(
    "businesswoman chairwoman congresswoman dame daughter her hers herself lady mother mrs mrs. ms ms. princess "
    "queen she sister spokeswoman wife headmistress grandmother aunt niece widow councilwoman assemblywoman "
    "policewoman fisherwoman waitress actress nun dayang hajah hajjah datin puan"
)

# Role words a person can be referred back to by ('the minister said').
PERSON_ROLES = words(
    "activist adviser advisor ambassador analyst archbishop bishop boss campaigner captain ceo chair chairman "
    "chairperson chairwoman chancellor chief colonel commander commissioner coordinator councillor councilor "
    "delegate deputy director doctor economist envoy executive founder general governor head imam judge king "
    "lawmaker lawyer leader legislator manager mayor member minister mp negotiator officer official owner premier "
    "presenter president prince professor queen rabbi representative secretary senator speaker spokesman spokesperson "
    "spokeswoman treasurer vice akim hokim mufti priest pastor"
)

# Nouns for bodies a text can refer back to ('the ministry', 'the group', 'the union').
GROUP_NOUNS = words(
    "administration agency airline alliance army assembly association authority bank bench bloc board body broadcaster "
    "cabinet campaign carrier caucus chamber charity club co-operative coalition commission committee company "
    "centre center confederation congress consortium cooperative council court delegation department developer "
    "directorate embassy faction industry "
    "executive inspectorate legislature presidency service tribunal "
    "federation firm forum foundation fund government group hospital institute insurer junta league lender lobby "
    "manufacturer militia ministry mission movement network newspaper office operator opposition organisation "
    "organization parliament party platform producer regulator retailer school secretariat senate syndicate team "
    "trust union university utility watchdog automaker carmaker chipmaker drugmaker steelmaker shipbuilder "
    "refiner prefecture governorate municipality cluster collective guild society academy conference diocese "
    "brotherhood cartel conglomerate brokerage wholesaler distributor supplier contractor railway publisher "
    "think-tank ombudsman treasury gendarmerie observatory akimat maslikhat mazhilis hokimiyat kengash majlis "
    "hukumat jamoat parish congregation store giunta"
)

# Nouns that stand for whatever body was named last ('the company', 'the group').
GENERIC_BODIES = words(
    "alliance association body business campaign coalition company corporation federation firm forum group "
    "lobby militia movement network operator organisation organization platform union watchdog"
)

# Nouns that speak for an owner: 'a spokesman for the militia', 'a statement from the union'.
SPEECH_NOUNS = words(
    "adviser advisor aide arm bench branch bureau camp chair chapter chief communique communiqué delegate "
    "delegation "
    "desk director directorate envoy general head lawyer lawyers leader leaders leadership letter management member "
    "members message note office "
    "official "
    "officials post release representative representatives secretariat section side source sources spokesman "
    "spokespeople spokesperson spokeswoman statement statements team unit voice wing analysts economists report "
    "researchers experts staff scientists strategists executives"
)

# What a story's decision is called: reported words that speak of one of these ("said the ban would keep
# prices in check") are a position on it even with no cue; reported words that do not ("said it would reply
# to the letter") are not.
DECISION_NOUNS = words(
    "act agreement amendment ban bill cap cap's ceasefire charge closure compromise cut cuts decision decree deal "
    "delay designation exemption exemptions fee fees freeze hike increase law levy limit measure measures move "
    "order ordinance plan policy postponement proposal quota quotas reform regulation regulations relocation "
    "reservation rezoning rule rules ruling sanctions scheme surcharge tariff tariffs tax threshold treaty truce "
    "verdict vote judgment judgement deals agreements bans bills laws decisions rulings treaties reforms levies "
    "taxes contract contracts licence licences license licenses concession concessions merger acquisition "
    "takeover privatisation privatization subsidy subsidies royalty royalties duty duties package surcharges "
    "charges caps limits freezes hikes increases orders decrees amendments plans proposals policies"
)

# Verbs that make "back" a particle, not backing: "it doesn't come back", "fight back", "cut back".
PHRASAL_BACK = words(
    "come comes came coming go goes went going fight fought fighting bring brought give gave get got set hold held "
    "pay paid scale scaled cut roll rolled look looked step stepped sit sat hit push pushed pull pulled drive way the "
    "be is are was were been being due"
)

# Closed-class words (and a few participles that open news sentences) that a capital at a sentence's start
# makes the tagger read as names: "Outside Parliament, the AGI condemned ..." had "Outside Parliament" as
# the subject. The parser reads them lower-cased; the nodes keep the text as written.
SENTENCE_OPENERS = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "amongst",
        "around",
        "as",
        "at",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "by",
        "despite",
        "during",
        "except",
        "following",
        "for",
        "from",
        "in",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "outside",
        "over",
        "past",
        "per",
        "since",
        "than",
        "through",
        "throughout",
        "to",
        "toward",
        "towards",
        "under",
        "unlike",
        "until",
        "upon",
        "via",
        "with",
        "within",
        "without",
        "although",
        "though",
        "because",
        "while",
        "whereas",
        "unless",
        "whenever",
        "wherever",
        "meanwhile",
        "moreover",
        "nevertheless",
        "nonetheless",
        "instead",
        "elsewhere",
        "separately",
        "similarly",
        "likewise",
        "overall",
        "initially",
        "speaking",
        "replying",
        "responding",
        "writing",
        "asked",
        "addressing",
        "commenting",
        "referring",
        "neither",
        "either",
        "both",
        # "Downstream, the Panjakent city hukumat has not commented": an adverb of place or manner, read as a
        # name when capitalised
        *("downstream", "upstream", "upriver", "downriver", "overseas", "abroad", "offshore", "inland", "nearby"),
        *("nationwide", "locally", "nationally", "internationally", "privately", "publicly", "earlier", "later"),
        # "Closer to home, the Falekaupule of Funafuti …", "Further afield, …"
        *("closer", "further", "farther", "nearer"),
    ]
)


# "received a letter urging her …": whoever receives words is spoken to and holds nothing of them
RECEIVING = words("receive receives received receiving")
# what someone does for a living: "Anna Bielecki runs a guesthouse", "Sokha sells dried fish at the market"
LIVING = words(
    "runs ran owns owned works worked lives lived farms manages teaches sells drives grows keeps rents employs"
)
# verbs whose subject passes on another's words: "received a letter: “…”", "read out the pledge: “…”"
PASSED_ON = RECEIVING | words("got read reads quoted quotes cited cites forwarded obtained relayed circulated leaked")


# the verbs (and their forms) that report speech
SPEECH_LEMMAS = (
    "say|tell|add|state|argue|insist|note|write|tweet|post|declare|explain|continue|reply|respond|claim|"
    "announce|stress|emphasise|emphasize|acknowledge|admit|concede|suggest|predict|remark|observe|contend|"
    "maintain|comment|told|allege|assert|affirm|counter|retort|complain|warn|caution|urge|vow|pledge|promise|"
    "describe|call|label|brand|dub|term|characterise|characterize|signal|indicate|recall|confirm|reiterate|"
    "repeat|tell|quip|joke|lament|concede|agree|predict|question|ask|demand|plead|appeal|hint|point|"
    "answer|reason|assure|reassure|remind|underline|underscore|conclude|clarify|testify|muse|mention|shout|chant"
)
SPEECH_FORMS = frozenset(
    form
    for lemma in SPEECH_LEMMAS.split("|")
    for form in (
        lemma,
        lemma + "s",
        lemma + "ed",
        lemma + "d",
        lemma + "ing",
        lemma[:-1] + "ing" if lemma.endswith("e") else "",
    )
    if form
) | {
    "said",
    "told",
    "wrote",
    "written",
    "says",
    "tells",
    "writes",
    "saying",
    "telling",
    "writing",
    "replied",
    "replies",
    "argued",
    "argues",
    "implied",
    "implies",
    "denied",
    "denies",
}

# quotation marks as the tokenizer splits them off ("“", "”"; straight and curly)
OPENING_QUOTES = frozenset({"“", '"', "‘"})
CLOSING_QUOTES = frozenset({"”", '"', "’"})

# A stance verb's present form, which the parser reads as a plural noun after a name it does not know
# ("The PPA-CI denounces …", "The ruling RHDP defends the decision")
STANCE_VERBS_PRESENT = words(
    "welcomes denounces defends condemns rejects opposes backs praises criticises criticizes slams hails regrets "
    "deplores applauds endorses decries laments salutes embraces favours favors approves disapproves resists "
    "supports accepts contests disputes blasts lambasts commends congratulates proposes urges demands insists "
    "disagrees agrees objects dissents worries fears doubts warns argues"
)
# the level of government a local body's noun is put at ("city council", "district kengash")
LOCAL_MODIFIERS = frozenset({"city", "regional", "district", "provincial", "municipal", "county", "town", "oblast"})
# what the holder of a position is called ("the bill's fiercest critic is …")
STANCE_ROLES = words(
    "opponent opponents critic critics backer backers supporter supporters champion champions advocate advocates "
    "proponent proponents defender defenders"
)
# the same verbs after a plural subject ("Farmers fear losing …", "Residents welcome the plan")
STANCE_VERBS_PLURAL = words("fear welcome oppose back support reject praise criticise criticize condemn applaud favour")

# the fields a ministry covers, which its title and its name are made of ("Mines and Energy Minister")
PORTFOLIO_WORDS = words(
    "affairs finance budget economy economic planning development industry industries trade commerce "
    "health education justice defence defense energy mining mines environment climate agriculture "
    "fisheries forests forestry lands resources natural transport works housing labour labor employment "
    "interior home foreign culture tourism water power petroleum oil gas telecommunications "
    "communications information technology science sport youth women family social welfare security "
    "investment treasury cooperation integration infrastructure equipment administration public service "
    "local government national international rural urban regional heavy digital human rights european "
    "maritime ports aviation civil immigration revenue change solutions sustainable small business "
    "capital city metropolitan ministry department office sector policy financial"
)

# a person who speaks for a body ("a spokeswoman for the association said")
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# nouns of time, which open a sentence as its subject's time, not as the subject ("The next day, …")
TIME_NOUNS = frozenset({"day", "night", "week", "month", "year", "morning", "evening", "afternoon", "weekend"})
