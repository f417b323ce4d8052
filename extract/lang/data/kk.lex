# obsfacts language data: Kazakh (Cyrillic, and the Latin script of qz.inform.kz).
#
# The format is that of en.lex. Kazakh joins case and possessive endings to the
# word ("байқаушыны", "миссиясынан", "62-ге"), so most entries are stems, and the
# endings that carry meaning for the rules are classes of suffixes ("*нан").
# The group stands before the count ("ТМД миссиясынан 400-дей бақылаушы"), and
# qualifiers follow the number ("250-ге жуық", "1200-ден астам").

[list grammar]
group_before_count | case_endings | ablative_distributes | verb_final

# ---- what a number counts ----------------------------------------------------
[unit_observer]
байқаушы* | бақылаушы* | baıqaýshy* | baqylaýshy*
[unit_person]
өкіл* | адам* | мүше* | депутат* | парламентарий* | ókil* | adam*
[unit_candidate]
кандидатура*
[unit_mp]
депутат* | парламентарий*
[observer_word]
байқау* | бақылау* | байқа* | бақыла* | baıqaý* | baqylaý*
[people_noun]
адам*

# ---- words between a number and its noun ---------------------------------------
[modifier]
шетелдік | халықаралық | шет | тәуелсіз | ресми | қосымша | жаңа | тағы | ұзақ | қысқа | мерзімді
аккредиттелген | тіркелген | басқа | sheteldik | halyqaralyq
[modifier_aggregate]
шетелдік | халықаралық | шет | sheteldik | halyqaralyq
[modifier_category]
ұзақ | қысқа
[domestic]
отандық | партия* | жергілікті | қоғамдық | үкіметтік емес | бүкілхалықтық | азаматтық | ұлттық
[domestic_cue]
отандық | жергілікті | ұлттық
[status_adjective]
аккредиттелген | тіркелген

# ---- numbers ---------------------------------------------------------------------
# Number words in their dictionary form; the endings in [list number_suffix] may
# follow them ("екіден", "алтауы", "мыңнан").
[number]
бір = 1 | екі = 2 | үш = 3 | төрт = 4 | бес = 5 | алты = 6 | жеті = 7 | сегіз = 8 | тоғыз = 9 | он = 10
жиырма = 20 | отыз = 30 | қырық = 40 | елу = 50 | алпыс = 60 | жетпіс = 70 | сексен = 80 | тоқсан = 90
жүз = 100 | мың = 1000
[number_collective]
екеу = 2 | үшеу = 3 | төртеу = 4 | бесеу = 5 | алтау = 6 | жетеу = 7 | сегізеу = 8 | тоғызау = 9 | оныншы = 10
[number_multiplier]
жүз = 100 | мың = 1000
[list number_suffix]
ы | і | ға | ге | қа | ке | да | де | та | те | дан | ден | тан | тен | нан | нен | дың | дің | тың | тің
ның | нің | ды | ді | ты | ті | ны | ні | дай | дей | тай | тей | ден | ау | еу | уы | еуі | ауы
ыңнан | інен | ынан | ыға | іне | ына

# ---- months ----------------------------------------------------------------------
[month]
қаңтар = 1 | ақпан = 2 | наурыз = 3 | сәуір = 4 | мамыр = 5 | маусым = 6 | шілде = 7 | тамыз = 8
қыркүйек = 9 | қазан = 10 | қараша = 11 | желтоқсан = 12
қаңтарда = 1 | ақпанда = 2 | наурызда = 3 | сәуірде = 4 | мамырда = 5 | маусымда = 6 | шілдеде = 7
тамызда = 8 | қыркүйекте = 9 | қазанда = 10 | қарашада = 11 | желтоқсанда = 12
қаңтардағы = 1 | ақпандағы = 2 | наурыздағы = 3 | сәуірдегі = 4 | мамырдағы = 5 | маусымдағы = 6
шілдедегі = 7 | тамыздағы = 8 | қыркүйектегі = 9 | қазандағы = 10 | қарашадағы = 11 | желтоқсандағы = 12
qańtar = 1 | qantar = 1 | aqpan = 2 | naýryz = 3 | naurys = 3 | sáýir = 4 | saýir = 4 | mamyr = 5
maýsym = 6 | shilde = 7 | tamyz = 8 | qyrkúıek = 9 | qyrkuiek = 9 | qazan = 10 | qarasha = 11
jeltoqsan = 12

# ---- groups and names ------------------------------------------------------------
[mission_noun]
миссия* | делегация* | топ* | құрам* | уәкілдіг* | өкілдіг*
хатшылығ* | хатшылық
[mission_strict]
миссия* | делегация* | уәкілдіг*
[mission_only]
миссия*
ұйымның
[group_suffix]
миссиясы | миссиясының | миссиясынан | делегациясы | байқаушылары | бақылаушылары
хатшылығ*
[state_form]
республика* | корольдіг* | мемлекет*
[noun_org]
ұйым*
[noun_state]
мемлекет* | ел | елден | елдер* | елдің | елінен | шетелдер* | шетелден
[institution]
комиссия* | елшілі* | парламент* | орталық | сайлау | орган*
[election_body]
комиссия* | орган*
[participants]
мүше
[joint]
бірлескен

# ---- linking a group to a count --------------------------------------------------
[each]
әрқайсысы* | әр
[conjunction]
және | мен | бен | пен | әрі
[pronoun]
олар | олардың | оның | біздің | біз | біздің
[first_person]
біздің | біз | *мыз | *міз
[coref_trigger]
миссия* | делегация* | олар* | оның | біздің | құрам*
топ*
[of_them]
олардың
[split]
олардың ішінде | оның ішінде | олардың қатарында | оның ішінде | соның ішінде
[largest]
ең көп
[relative]

# ---- case endings that carry meaning (Kazakh joins them to the word) -------------
[origin_suffix]
*дан | *ден | *тан | *тен | *нан | *нен
[genitive_suffix]
*ның | *нің | *дың | *дің | *тың | *тің
[origin_post]
атынан | тарапынан | сапынан | құрамынан
[from_participle]
келген | барған | жіберілген | келетін | баратын | жіберілетін
[motion_verb]
келеді | келді | келмек | келетін | келген | келіп | барады | барды | барған | аттанды | жібер*
[dative_suffix]
*ға | *ге | *қа | *ке

# ---- not facts -------------------------------------------------------------------
[locative_suffix]
*дағы | *дегі | *тағы | *тегі | *ндағы | *ндегі
[withdraw]
кері қайтар* | тоқтат* | бас тарт*
[media]
журналист* | бақ | бақ өкілдері | тілші*
бұқаралық ақпарат құрал* | ақпарат құрал*
[citizens]
азамат*
[core_team]
негізгі құрам
[percent]
пайыз*
[label]
№ | учаске*

# ---- qualifiers (before the number, and after it: "250-ге жуық") ------------------
[qualifier_at_least]
кемінде | кем дегенде
[qualifier_about]
шамамен | шамасы | жуық
[qualifier_about_after]
жуық | тарта | шамасында | шақты | қаралы
[qualifier_at_least_after]
астам | аса | артық | асты
[qualifier_up_to_after]
дейін
[qualifier_about_suffix]
*дай | *дей | *тай | *тей

# ---- status cues (stems) -----------------------------------------------------------
[status_accredited]
аккредит* | аккредет* | акредит* | мақұлда* | akkredıt*
[status_nominated]
ұсын* | кандидатура*
[status_recommended]
ұсыным*
[status_registered]
тірке* | тізімге* | tirke*
[status_invited]
шақыр*
[status_expected]
*мақ | *мек | *бақ | *бек | *пақ | *пек | жоспар* | күтіл* | *атын | *етін | *йтын | *йтін | қатысады
бақылайды | келеді | келмек | болады | жібереді | жұмыс істейді
[status_arrived]
келді | келген | келіп | бақылап | жүргізуде | жүргізіп | жұмыс істеп | бақылады | қатысты
болды | қосылды | жіберді | жіберген
[procedure_noun]
# the nouns only: "аккредитацияланды" is the verb, accredited
аккредитация | аккредитацияға | аккредитациядан | аккредитацияны | аккредитациясы | аккредитациясын
аккредиттеу | аккредиттеуге | аккредиттеуден | аккредиттеуді
[received]
өтті | өткен | өткізді
[run_status]
аккредиттелді | тіркелді

# ---- totals and time -------------------------------------------------------------------
[total]
барлығы | жалпы саны | жалпы | барлық | барлығы да | нәтижесінде
[all_together]
барлығы | жалпы саны | жиыны
[number_of]
саны | қатары
[number_verb]
жетті | жетеді | асты | құрады | құрайды
[as_of]
бүгінгі таңда | қазіргі уақытта | қазіргі кезде | қазіргі таңда | бүгінгі күнге дейін | бүгін | осы уақытқа дейін
бүгінгі күні
бүгінгі
[as_of_postposition]
жағдай бойынша | жағдайы бойынша
[period_postposition]
аралығында | аралығы | аралықта
[year_word]
жылы | жылғы | жыл
[election_word]
сайлау* | референдум* | дауыс беру* | saılaý*
[accredit]
аккредит* | тірке* | акредит*
[send_cue]
жібер* | кел*
[link_verb]
жібер* | ұсын* | тұрады | тұрды | тұратын | аттандыр*
[commission]
оск | сайлау комиссиясы | комиссия*

# ---- free lists ----------------------------------------------------------------------
[list page_filter]
байқаушы | бақылаушы | байқау | бақылау | baıqaý | baqylaý
[list accreditation_cue]
аккредит | акредит | тірке
[list foreign_cue]
шетелдік | халықаралық
[list continues_observers]
миссия | делегация | өкіл | адам | олардың | біздің | депутат | мүше
[list inline_link]
сондай-ақ оқыңыз | тағы да оқыңыз | тағы оқыңыз | оқыңыз: | толығырақ:
[list abbreviation]
ж | жж | т.б | т.с.с | млн | млрд | мың
[list kazakh_outlet]
қазақпарат | kazinform | inform.kz
[list host KZ]
мәжіліс | мәслихат | астана | алматы | нұр-сұлтан | қазақстан | ақорда
[list host KG]
жоғарғы кеңес | бішкек | қырғызстан
[list host UZ]
олий мажлис | ташкент | өзбекстан
[list election_type referendum]
референдум
[list election_type presidential]
президент
[list election_type parliamentary]
мәжіліс | парламент
[list election_type senate]
сенат
[list election_type maslikhat]
мәслихат

# Case and possessive endings joined to the last word of a name (the gazetteer
# matches "ұйымы" as "ұйымынан", "ұйымының" …), with their vowel-harmony variants.
[list name_suffix]
ның | нің | дың | дің | тың | тің | ға | ге | қа | ке | на | не | а | е | ны | ні | ды | ді | ты | ті | н
да | де | та | те | нда | нде | дан | ден | тан | тен | нан | нен | мен | бен | пен
сы | сі | ы | і | сын | сін | ын | ін | сына | сіне | ына | іне | сында | сінде | ында | інде
сынан | сінен | ынан | інен | сының | сінің | ының | інің | дағы | дегі | тағы | тегі | ндағы | ндегі
лар | лер | дар | дер | тар | тер | лардың | лердің | дардың | дердің | лардан | лерден | дардан | дерден
ларға | лерге | дарға | дерге | ларды | лерді | лары | лері | дары | дері

# ---- detection ---------------------------------------------------------------------
# Common Kazakh words, in Cyrillic and in the Latin script of qz.inform.kz.
[list detect_cues]
және | мен | бойынша | бұл | деп | үшін | сайлау | байқаушы
[list detect_cues_latin]
jáne | men | boıynsha | bul | dep | úshin | saılaý | baıqaýshy | qazaqstan

# ---- credit lines ----------------------------------------------------------------------
# Words that open a credit line at the end of an article ("Аударған Әлия
# Жүнісова", "Редакторы …"): the line is cut from the body, and the name is the
# author when the page has no byline.
[list credit]
аударған | аударма | редакторы | редактор | дайындаған

# ---- the skeleton: Kazakh in Latin script -------------------------------------------
# Kazakh is written in Cyrillic and in three Latin alphabets: 2017 with apostrophes
# ("g'", "n'", "s'", "y'"), 2018 with acutes ("saılaý", "Qańtar", "baıqaýshy") and
# 2021 ("ä ğ ñ ö ü ū ş ç"). This table takes each of them to one skeleton, lower-case
# ASCII: every entry of this file is registered in its skeleton as well, and a Latin
# word of a Kazakh sentence is matched by its skeleton, so each word is listed once,
# in Cyrillic. Letter (or letter and apostrophe) = skeleton; letters not listed are
# kept. у is "u", as in 2021 ("sailau"), where 2018 writes "ý" and 2017 "y'": the
# three alphabets agree only so (2021's "u" is у, 2018's is ұ), at the price of у, ұ
# and ү sharing one skeleton.
[transliteration]
а = a | ә = a | б = b | в = v | г = g | ғ = g | д = d | е = e | ё = io | ж = j | з = z
и = i | й = i | і = i | к = k | қ = q | л = l | м = m | н = n | ң = n | о = o | ө = o
п = p | р = r | с = s | т = t | у = u | ұ = u | ү = u | ф = f | х = h | һ = h | ц = ts
ч = ch | ш = sh | щ = sh | ъ = | ы = y | ь = | э = e | ю = iu | я = ia
á = a | ä = a | ǵ = g | ğ = g | ı = i | í = i | ń = n | ñ = n | ó = o | ö = o
ú = u | ü = u | ū = u | ý = u | ş = sh | ç = ch
s' = sh | c' = ch | y' = u | s’ = sh | c’ = ch | y’ = u | sʼ = sh | cʼ = ch | yʼ = u
' = | ’ = | ʼ = | ̇ =
