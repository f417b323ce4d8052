# obsfacts language data: English.
#
# Each [section] is a word class the fact rules read (extract/lang/classes.go says
# what each is for), a number or month table, or a free [list NAME].
# Entries are separated by "|". "word*" matches every word that starts with "word";
# "*suffix" every word that ends so; several words make a phrase. Words are
# matched lower-cased. A class the language does not need may be left out.

[list grammar]
articles

# ---- what a number counts ----------------------------------------------------
[unit_observer]
observer | observers | monitor | monitors | observer's | observers'
[unit_person]
people | persons | members | representatives | lawmakers | mps | meps | deputies | diplomats | senators
legislators | staffers | delegates | parliamentarians | officials | specialists
representative
[unit_candidate]
candidates | candidacies | candidatures | nominees | applications
[unit_foreigner]
foreigners
[unit_diplomat]
diplomats
[unit_mp]
parliamentarians | mps | meps | lawmakers | legislators | deputies
[observer_word]
observation
observe | observes | observed | observing | monitoring
[people_noun]
people

# ---- words between a number and its noun ---------------------------------------
[modifier]
more | additional | other | foreign | international | independent | accredited | official | long-term
short-term | longterm | shortterm | new | registered | election | electoral | extra | overseas | invited
observation | observer | parliamentary | individual | outside | external | visiting | further | expected
nominated | proposed | total | strong | monitoring
term
*ly
[modifier_aggregate]
foreign | international | overseas | outside | external
[modifier_category]
long-term | short-term | longterm | shortterm | women | female | male | young
long | short
[domestic]
domestic | national | local | party | parties | citizen | citizens | public | ngo | ngos | non-governmental
nongovernmental | civic | civil | candidates' | partisan | proxies | home-grown | non-partisan | nonpartisan
student | students | youth | volunteer | volunteers
[domestic_cue]
domestic | local | national | citizen
[member_suffix]
member | strong | person | man | people
[status_adjective]
accredited

# ---- numbers ---------------------------------------------------------------------
[number]
zero = 0 | one = 1 | two = 2 | three = 3 | four = 4 | five = 5 | six = 6 | seven = 7 | eight = 8 | nine = 9
ten = 10 | eleven = 11 | twelve = 12 | thirteen = 13 | fourteen = 14 | fifteen = 15 | sixteen = 16
seventeen = 17 | eighteen = 18 | nineteen = 19 | twenty = 20 | thirty = 30 | forty = 40 | fifty = 50
sixty = 60 | seventy = 70 | eighty = 80 | ninety = 90
[number_multiplier]
hundred = 100 | thousand = 1000
[number_article]
a

# ---- months ----------------------------------------------------------------------
# "name~3" also matches prefixes of three letters or more ("nov", "sept").
[month]
january~3 = 1 | february~3 = 2 | march~3 = 3 | april~3 = 4 | may = 5 | june~3 = 6 | july~3 = 7
august~3 = 8 | september~3 = 9 | october~3 = 10 | november~3 = 11 | december~3 = 12

# ---- groups and names ----------------------------------------------------------
[mission_noun]
mission | missions | delegation | delegations | team | group
[mission_strict]
mission | missions | delegation | delegations
[mission_only]
mission | missions
[group_suffix]
mission | missions | delegation | delegations | observers | observer | team | group | secretariat
representatives
[state_form]
republic | kingdom | state | federation | emirates
[name_lower]
of | the | and | for | on | in | to | de | at | member | states | countries | speaking | turkic-speaking
mission | delegation | observation | observer
[name_stop]
in | on | at | for | by | from | to | with | all | total | this | that | these | those | it | they | we | he
she | according | also | however | meanwhile | overall | altogether | there | here | since | after | before
during | today | so | thus | earlier | until | as | each | every | other | others | some | many | most
more | only | observers | observer | referendum | elections | election | vote | voting | polls | majilis
mazhilis | parliament | update | breaking | cec | read | see
[function_word]
the | and | as | well | also | a | an | both | from | of | by | while | whereas | with | plus | including
namely | such | incl | its | their | them | those | among | that | followed | then | next | another | other
but | or
[article]
the
[demonstrative]
the | this
[noun_org]
organizations | organisations | organization | organisation | bodies | institutions | structures
missions | agencies
[noun_state]
states | countries | nations | state | country | nation | governments
embassies | embassy
diplomatic corps
electoral institutions | electoral bodies | election commissions | election bodies | electoral commissions
[aggregate_modifier]
other | partner | intergovernmental | inter-governmental | regional | member | various | different
friendly | parliamentary
[institution]
election | electoral | central | national | commission | commissions | bodies | body | embassy | embassies
parliament | parliaments | authorities | ministry | diplomatic | missions
committee | committees | election committee
[participants]
participating | member
[modifier_suffix]
based | led | backed | funded | born
[participle]
*ed
[possessive]
*'s | *’s
[possessive_mark]
's | ’s
[joint]
joint
[election_body]
commission* | bodies | body | authorities
[commission]
cec | commission*

# ---- linking a group to a count --------------------------------------------------
[group_preposition]
from | of | representing | represent | represents | by | on | behalf | with | within
on behalf of | as part of | within the framework of
[preposition_of]
of
[preposition_filler]
the | of
[by_agent]
by
[with]
with
[comitative]
together with
together with
[source]
from
[elided_preposition]
from | by | represent | represents | representing | of
[passive_filler]
who | which | that | were | are | have | has | been | being | will | be | had | is | was | currently
already | so | far | officially | recently | nominated | accredited | sent | invited | registered
recommended | arrived | coming | come | came | proposed | delegated | arriving | expected | to | arrive
also | more | today | each | representing | represent | represents | selected | appointed | dispatched
deployed
[comma_verb]
represent* | who | which | sent | delegated
[sender_verb]
send | sends | sent | sending | dispatch | dispatches | dispatched | delegate | delegates | delegated
deploy | deploys | deployed | deploying | comprise | comprises | comprised | comprising | include
includes | included | number | numbers | numbered | numbering | totals | totalled | totaled | has | have
had | brings | brought | bring | fielded | fields | field | provide | provides | provided | contribute
contributes | contributed | nominate | nominates | nominated | propose | proposed | proposes | involve
involves | involved | unite | unites | united | accommodate | represented | request | requests
requested | seek | seeks | recruit | recruits | with | counts
staffed
[sender_phrase]
consists of | consisted of | consist of | consisting of | made up of | composed of | represented by
is represented by | will include | candidatures of | candidacies of | applications of | nominations of
accounts for | account for | accounted for | will consist of | mission of | delegation of | team of
group of
staffed by | staffed with
[sender_skip]
will | to | also | already | a | an | total | only | just | by
[represented_by]
represented
[apposition]
headed | led | which | who | based | including | according | chaired | itself
[each]
each | apiece
[respectively]
respectively
[continuation]
another | further | additional | more | in addition | besides | on top of that
[run_joiner]
and | about | some | up | to
[conjunction]
and
[but]
but
[clause_break]
while | whereas
[clause_verb]
is | are | was | were | has | have | had | will | sent | delegated | also | would
[list_intro]
including | includes | include | namely | incl | among | while | whereas | are | is | were | was
[copula]
are | were
[motion_verb]
come | came | comes | arrived | arrive
travel | will travel | arrives
[co_noun]
experts | staff | staffers | specialists | analysts
[aux_verb]
were | was | have | has
[possession]
has | have | had
[pronoun]
our | we
it | they | its | their
[first_person]
our | we
[relative]
which | who | that
[them_pronoun]
them | those | whom | which
[coref_trigger]
our
mission | delegation | group | team | they | their | its | it
[of_them]
of them | of whom | of those
[subset_filler]
represent | are | come | came | from | were | the
[largest]
largest | most | biggest

# ---- not facts -------------------------------------------------------------------
[withdraw]
withdr* | revok* | revoc* | recall* | cancel* | stripped* | deprived* | annul* | refused* | denied*
rejected* | expelled*
declined*
[media]
media | journalists | journalist | reporters | press | correspondents
[citizens]
citizens | nationals
[core_team]
core team | core group
[split]
of them | of those | of whom | of which | among them | among whom | including | incl | among those
[percent]
percent | per | pct
[range_separator]
to | or | and
[between]
between
[label]
no | article | paragraph | station | district | constituency | room
[label_after_article]
number

# ---- qualifiers --------------------------------------------------------------------
[qualifier_at_least]
more than | over | at least | no fewer than | no less than | not less than | not fewer than | upwards of
in excess of | exceeding | exceeded | above
[qualifier_about]
around | about | approximately | some | nearly | almost | roughly | approx | close to | an estimated
circa
[qualifier_up_to]
up to | as many as

# ---- status cues (matched as stems) ------------------------------------------------------
[status_accredited]
accredit*
[status_nominated]
nominat* | candidac* | candidatur* | candidates* | applications* | proposed* | propose* | proposals*
submitted*
[status_recommended]
recommend*
[status_registered]
registered* | registration* | registers* | register*
[status_invited]
invited* | invites* | invite*
[status_expected]
will* | plan* | expect* | intend* | shall* | would*
[status_arrived]
arrived* | working* | observed* | observing* | monitored* | deployed* | visited* | sent* | came*
delegated*
[procedure_noun]
accreditation*
[received]
received* | passed* | got*
[infinitive_to]
to
[observe_verb]
monitor | watch | observe | arrive
[run_status]
accredited | arrived | registered

# ---- totals and time -------------------------------------------------------------------
[total]
in total | a total of | total of | overall | in general | altogether | total number | number of
[all_together]
in total | a total of | total of | overall | in general | altogether
[number_of]
number | total
[number_of_phrase]
number of | total
[number_noun]
number | numbers | numbered | totals | totalled | totaled | total | account | accounts | accounted
[number_verb]
risen | grown | climbed | number | numbers | numbered | total | account | accounts | accounted | reached
reaches | stands | stood | totals | totalled | totaled | amounted | amounts | exceeded | exceeds | rose
grew | increased | hit | is | was
came | comes
[number_verb_filler]
at | to | is | has | have
[number_exceed]
exceeded | exceeds
[account_for]
for
[account_verb]
account | accounts | accounted
[total_adjective]
total | overall
[rise_verb]
[as_of]
so far | as of today | to date | already | today | currently | at present | at the moment | as of now
by now | thus far
[as_of_preposition]
as of | by
[as_of_to]
to
[period_preposition]
from | between | during | over
[period_from]
from | since
[period_end]
to | until | till
[year_word]
year
[date_range]
to | till | until | through | and
[election_word]
election* | vote* | voting* | referend* | polls | ballot
[accredit]
accredit* | register*
[send_cue]
send* | sent* | delegat* | arriv*

# ---- free lists ----------------------------------------------------------------------
# Substrings of a page that may state observers (the cheap page filter).
[list page_filter]
observ | monitor
# The article speaks of accreditation / of foreign observers.
[list accreditation_cue]
accredit
[list foreign_cue]
foreign | international
# Sentences that may go on counting observers after one that named them.
[list continues_observers]
mission | delegation | group | team | "it " | "they " | "its " | "their " | people | members
# Words that open a credit line at the end of an article ("Translation by Dana
# Omarova"): the line is cut from the body, and the name is the author when the
# page has no byline.
[list credit]
translation by | translated by | editing by | edited by | written by | prepared by
# Lines that link to other articles inside a body.
[list inline_link]
read also | see also | read more | also read | related:
# Words whose period ends no sentence.
[list abbreviation]
mr | mrs | ms | dr | st | no | nos | art | jan | feb | mar | apr | jun | jul | aug | sep | sept | oct | nov
dec | gen | gov | sen | rep | prof | inc | ltd | co | vs | etc | e.g | i.e | u.s | u.k | approx | incl | est
jr | sr | lt | col | capt
# Names and hosts of Kazakh outlets.
[list kazakh_outlet]
kazinform | inform.kz | qazaqtv | qazinform
# Words that place an election in a country.
[list host KZ]
majilis | mazhilis | maslikhat | astana | almaty | nur-sultan
[list host KG]
jogorku kenesh | bishkek | kyrgyzstan
[list host UZ]
oliy majlis | tashkent
[list host TJ]
majlisi oli | dushanbe
[list host TM]
ashgabat | mejlis
[list host AZ]
milli majlis | milli mejlis | baku
[list host BY]
minsk | house of representatives of belarus
[list host RU]
state duma | moscow
[list host MN]
state great khural | ulaanbaatar
[list host AM]
yerevan
[list host GE]
tbilisi
# Words that name the type of an election.
[list election_type referendum]
referend
[list election_type presidential]
president
[list election_type parliamentary]
majilis | mazhilis | parliament | legislative | duma | jogorku | oliy | milli | sejm | supreme council
house of representatives
[list election_type senate]
senate
[list election_type maslikhat]
maslikhat
[list election_type local]
local | municipal | kenesh
# Detection cues of Kazakh in Latin script are in kk.lex.
