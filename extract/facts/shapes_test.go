package facts

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/obsfacts/obsfacts/extract/article"
)

// TestRealArticleShapes holds one case per sentence shape that real articles
// use (sentences written for the test, not taken from articles), so a
// regression names the shape it breaks. want is "CODE|count|qualifier",
// sorted; nil means the text states no fact.
func TestRealArticleShapes(t *testing.T) {
	pub := time.Date(2023, 3, 10, 12, 0, 0, 0, article.KazakhstanOffset(2023, 3, 10, 12, 0))
	tests := []struct {
		name  string
		title string
		body  string
		want  []string
	}{
		// coreference beyond the sentence before
		{"the Mission named earlier in the sentence",
			"", "Speaking for the OSCE/ODIHR Limited Mission, its head said that close to 250 observers of the Mission had visited polling stations.",
			[]string{"OSCE-ODIHR|250|about"}},
		{"the Mission named only in the lead",
			"", "The Shanghai Cooperation Organisation has sent an observer mission to the vote.\n\nThe Mission was invited by the foreign ministry.\n\nIt held talks with the commission.\n\nThe Mission comprised 31 observers from eight member states.",
			[]string{"SCO|31|exact"}},
		{"a country named in an apposition is no antecedent",
			"", "ODIHR opened a limited observation mission in February. Headed by Ambassador Anna Berg of Sweden, the mission included 12 experts and 28 long-term observers.",
			[]string{"OSCE-ODIHR|28|exact"}},
		{"no antecedent, no fact",
			"", "Our group numbers 20 observers.",
			nil},
		// continuation of the group before
		{"another N",
			"", "The ODIHR mission began its work in January with 30 long-term observers. Another 300 short-term observers will arrive before voting day.",
			[]string{"OSCE-ODIHR|300|exact", "OSCE-ODIHR|30|exact"}},
		{"in addition, N",
			"", "The OSCE Office for Democratic Institutions and Human Rights opened an observation mission on 1 March.\n\nThe mission has a core team of nine experts in the capital. In addition, 26 long-term observers will be deployed around the country.",
			[]string{"OSCE-ODIHR|26|exact"}},
		{"continuation does not claim a domestic count",
			"", "The CIS sent 120 observers. Local NGOs have registered another 2,000 observers.",
			[]string{"CIS|120|exact"}},
		// other units and verbs in an observer context
		{"two-word category and staffed by",
			"", "The Organisation for Security and Co-operation in Europe opened an office in the capital staffed by 40 long term observers.",
			[]string{"OSCE|40|exact"}},
		{"persons sent to observe",
			"", "The PACE will send eleven parliamentarians and staff from six countries to observe the vote.",
			[]string{"PACE|11|exact"}},
		// totals
		{"the total came to",
			"", "All in all, the total number of accredited foreign observers came to 612 as of 9 March.",
			[]string{"ALL|612|exact"}},
		{"a subset named by its aggregate",
			"", "The commission has accredited 700 international observers. Of them, 520 observers come from 11 international organisations.",
			[]string{"ALL|700|exact", "ORGS|520|exact"}},
		{"organisations and embassies together",
			"", "Some 480 representatives from 12 international organisations and foreign embassies observed the vote.",
			[]string{"ALL|480|about"}},
		{"persons accredited after a sentence about observers",
			"", "The commission keeps accrediting foreign observers. More than 90 people have already been accredited.",
			[]string{"ALL|90|at_least"}},
		{"a long relative clause between the number and its verb",
			"", "Thus the total number of foreign observers who will watch the vote for the Senate set for 4 May is 318.",
			[]string{"ALL|318|exact"}},
		{"observers and experts share their group",
			"", "About 20 long-term observers and experts from the OSCE Office for Democratic Institutions and Human Rights will join them.",
			[]string{"OSCE-ODIHR|20|about"}},
		{"the states of an organisation",
			"", "In all, 380 short-term observers from 40 OSCE participating States were deployed.",
			[]string{"STATES|380|exact"}},
		{"the diplomatic corps",
			"", "Besides, 57 representatives of the diplomatic corps have been accredited as observers.",
			[]string{"STATES|57|exact"}},
		{"a country's election committee in a bracket list",
			"", "Registered as observers were embassies of Japan (5) and Sweden (2), as well as the Central Election Committee of Armenia (3).",
			[]string{"AM|3|exact", "JP|5|exact", "SE|2|exact"}},
		{"mission members with the mission word before the noun",
			"", "The PACE delegation of observers arrived in the capital on Monday. The 24 delegation members will meet the candidates.",
			[]string{"PACE|24|exact"}},
		// Russian word order and cases
		{"ru: a dash before the group's preposition",
			"", "Больше всего наблюдателей прислала Турция – 12 наблюдателей – от Турецкой Республики.",
			[]string{"TR|12|exact"}},
		{"ru: a destination before the group",
			"", "Ещё пять наблюдателей направятся в Казахстан от Шанхайской организации сотрудничества.",
			[]string{"SCO|5|exact"}},
		{"ru: persons of the mission of observers from X",
			"", "Аккредитацию получили 9 человек Миссии наблюдателей от СНГ.",
			[]string{"CIS|9|exact"}},
		{"ru: within the framework of a mission",
			"", "Представлены кандидатуры наблюдателей: 14 наблюдателей в рамках Миссии наблюдателей от ШОС;",
			[]string{"SCO|14|exact"}},
		{"ru: a genitive list of states counted together",
			"", "Комиссия аккредитовала 11 наблюдателей от ОБСЕ и 5 представителей Грузии, Молдовы и Армении.",
			[]string{"OSCE|11|exact", "STATES|5|exact"}},
		{"ru: a distributive list with state forms",
			"", "Кандидатуры наблюдателей поступили: от Республики Корея, Кыргызской Республики и Королевства Таиланд – по одному человеку.",
			[]string{"KG|1|exact", "KR|1|exact", "TH|1|exact"}},
		{"ru: candidacies for accreditation after a sentence about observers",
			"", "МИД представил списки наблюдателей. Внесены на аккредитацию от миссии СНГ – 21 кандидатура.",
			[]string{"CIS|21|exact"}},
		{"ru: in the composition of the mission, no article",
			"", "Миссия наблюдателей ШОС начала работу в Астане. Так, в составе миссии 16 наблюдателей из восьми государств.",
			[]string{"SCO|16|exact"}},
		{"ru: a part named with its whole is the part",
			"", "В Астану прибыла основная группа Бюро по демократическим институтам и правам человека (БДИПЧ) Организации по безопасности и сотрудничеству в Европе (ОБСЕ) в составе 12 экспертов и 30 долгосрочных наблюдателей.",
			[]string{"OSCE-ODIHR|30|exact"}},
		{"ru: a demonym adjective with 'republic' is the state",
			"", "Сегодня комиссией аккредитованы три наблюдателя от Эстонской республики и два от Латвийской республики.",
			[]string{"EE|3|exact", "LV|2|exact"}},
		{"ru: each one after a dash and 'от'",
			"", "Комиссия рассмотрела кандидатуры наблюдателей. Из их числа: 40 – от Миссии наблюдателей от СНГ, а также по одному – от Королевства Бельгии и Республики Корея.",
			[]string{"BE|1|exact", "CIS|40|exact", "KR|1|exact"}},
		{"ru: a partner after 'с' is not the sender",
			"", "Мы работаем вместе с ПА ОБСЕ и на текущий момент направили более 200 наблюдателей.",
			nil},
		{"ru: diplomats are the states' observers",
			"", "Комиссия аккредитовала 300 международных наблюдателей. Помимо этого, аккредитованы 41 дипломат.",
			[]string{"ALL|300|exact", "STATES|41|exact"}},
		// totals and aggregates
		{"observers from K countries are all observers when nothing splits them",
			"", "More than 900 observers from 80 countries are watching the vote, the commission said.",
			[]string{"ALL|900|at_least"}},
		{"observers from K states stay states beside an organisations' total",
			"", "Of the 700 observers, 480 come from 11 international organisations and 220 observers come from 40 foreign states.",
			[]string{"ORGS|480|exact", "STATES|220|exact"}},
		{"a list of organisations that ends with states is a total",
			"", "The commission accredited 950 observers from the missions of the CIS, the SCO, the OSCE/ODIHR, 31 foreign countries.",
			[]string{"ALL|950|exact"}},
		{"the antecedent of 'which'",
			"", "The Assembly will observe the vote. A Czech lawmaker will lead the PACE delegation, which includes 23 members of parliament from 12 countries.",
			[]string{"PACE|23|exact"}},
		{"a mission's core team of experts",
			"", "Прибыла основная группа миссии БДИПЧ ОБСЕ в составе 12 человек.",
			nil},
		{"ru: each one from A and B with the dash left out",
			"", "Комиссия утвердила наблюдателей. Из их числа: по одному от Королевства Дании и Республики Корея.",
			[]string{"DK|1|exact", "KR|1|exact"}},
		{"ru: a split with the group between it and the count",
			"", "Миссия СНГ насчитывает 200 наблюдателей. Из наблюдателей миссии СНГ 12 человек будут работать на долгосрочной основе.",
			[]string{"CIS|200|exact"}},
		{"ru: a partner is no antecedent",
			"", "Миссия наблюдателей продолжает работу. Мы взаимодействуем с ПА ОБСЕ и уже направили более 300 наблюдателей.",
			nil},
		{"a sentence that accredits people, with observers named later in the paragraph",
			"", "\"Accreditation goes on. More than 85 people have already been accredited. We work with the international observers of the CIS,\" he said.",
			[]string{"ALL|85|at_least"}},
		{"the lead after a title about monitoring",
			"PACE to monitor the presidential election", "Some 30 PACE parliamentarians from 15 countries will travel to the capital for the vote.",
			[]string{"PACE|30|about"}},
		{"an adverb before the noun, and election bodies of states",
			"", "Besides 510 officially accredited observers from 12 foreign electoral institutions, experts are taking part.",
			[]string{"ALL|510|exact"}}, // nothing splits them: all observers
		// Kazakh: endings joined to words, the group before the count,
		// qualifiers after the number
		{"kk: an ablative group before the count, about as an ending",
			"", "ТМД миссиясынан 250-дей бақылаушы сайлауға қатысады деп күтілуде.",
			[]string{"CIS|250|about"}},
		{"kk: aggregates of organisations and states with their counts",
			"", "Олардың қатарында 9 халықаралық ұйымнан 410 бақылаушы және 28 шет мемлекеттен 95 бақылаушы бар.",
			[]string{"ORGS|410|exact", "STATES|95|exact"}},
		{"kk: the ranks reached N",
			"", "Бүгін комиссия тағы 14 байқаушыны тіркеді. Нәтижесінде халықаралық байқаушылар қатары 85-ке жетті.",
			[]string{"ALL|14|exact", "ALL|85|exact"}},
		{"kk: two observers from each state of a list",
			"", "Сонымен бірге Грузия, Армения және Молдова мен Түркиядан екі бақылаушыдан жіберілетіні белгілі болды.",
			[]string{"AM|2|exact", "GE|2|exact", "MD|2|exact", "TR|2|exact"}},
		{"kk: a country and a kingdom, the unit stated once",
			"", "Хатшының айтуынша, Қытай Халық Республикасынан 4 және Нидерланды Корольдігінен 2 байқаушы ұсынылды.",
			[]string{"CN|4|exact", "NL|2|exact"}},
		{"kk: more than a thousand, the group between the count and its noun",
			"", "Сайлауды бақылау үшін 1 мыңнан астам шетелдерден және халықаралық ұйымдардан байқаушылар келмек.",
			[]string{"ALL|1000|at_least"}},
		{"kk: the mission's observers, named in the title",
			"ШЫҰ миссиясы сайлауды бақылайды", "Қазіргі кезде Қазақстанда миссияның 18 бақылаушысы жұмыс істеп жүр.",
			[]string{"SCO|18|exact"}},
		{"kk: our observers, the speaker named after",
			"", "Қазіргі уақытта біздің 120-ға жуық байқаушымыз сайлау барысын бақылап жүр. Бұл туралы ЕҚЫҰ Демократиялық институттар және адам құқықтары жөніндегі бюросының миссиясының басшысы айтты.",
			[]string{"OSCE-ODIHR|120|about"}},
		{"kk: the CEC is never an observer group",
			"", "ОСК: 44 шетелдік байқаушыны аккредиттеуден өткізді.",
			[]string{"ALL|44|exact"}},
		{"kk: names in the nominative, the noun's ablative distributes",
			"", "Армения, Грузия және Моңғолия екі бақылаушыдан жіберді.",
			[]string{"AM|2|exact", "GE|2|exact", "MN|2|exact"}},
		{"kk: organisations joined by 'мен', the noun's ablative distributes",
			"", "Түркі мемлекеттері ұйымы мен ШЫҰ төрт бақылаушыдан ұсынды.",
			[]string{"OTS|4|exact", "SCO|4|exact"}},
		{"kk: election bodies of states in the genitive, each sending N",
			"", "Сонымен қатар Армения Республикасының және Моңғолияның сайлау органдары үш байқаушыдан ұсынды.",
			[]string{"AM|3|exact", "MN|3|exact"}},
		{"kk: a name that ends like an ablative is the subject of a final verb",
			"Қырғызстандағы сайлауға байқаушылар барады", "Тәжікстан бес байқаушы жіберді.",
			[]string{"TJ|5|exact"}},
		{"kk: the subject of a final verb of sending",
			"", "ЕҚЫҰ ДИАҚБ сайлауға 300 байқаушы жібереді.",
			[]string{"OSCE-ODIHR|300|exact"}},
		{"kk: a destination in the dative is no sender",
			"Қырғызстандағы президент сайлауы", "Қазақстан Орталық сайлау комиссиясы Бішкекке тоғыз байқаушы жіберді.",
			[]string{"KZ|9|exact"}},
		{"kk: an ablative group and a participle of coming",
			"", "Моңғолиядан келген 8 бақылаушы учаскелерді аралады.",
			[]string{"MN|8|exact"}},
		{"kk: a participle after an aggregate tells where a mission's observers come from",
			"", "ТМД миссиясы 11 мемлекеттен келген 90 бақылаушыдан тұрады.",
			[]string{"CIS|90|exact"}},
		{"kk: the number of observers who came from a country reached N",
			"Қырғызстандағы сайлауға байқаушылар барды", "Ресейден барған байқаушылар саны 30-ға жетті.",
			[]string{"RU|30|exact"}},
		{"kk: the group after the noun, before 'атынан'",
			"", "Халықаралық ұйымдардан 200 байқаушы тіркелді. Қалған 40 байқаушы 15 шет мемлекеттің атынан келді.",
			[]string{"ORGS|200|exact", "STATES|40|exact"}},
		{"kk: an organisation's office placed in a country",
			"", "Еуропалық одақтың Қазақстандағы өкілдігінен 3 өкіл байқаушы ретінде тіркелді.",
			[]string{"EU|3|exact"}},
		{"kk: the Organisation's observers, named the sentence before",
			"", "ШЫҰ да байқаушылар миссиясын жібереді. Ұйымның 40-тай бақылаушысы учаскелерде болады.",
			[]string{"SCO|40|about"}},
		{"kk: mass media representatives are no observers",
			"", "Сайлауды жариялау үшін бұқаралық ақпарат құралдарының 90 өкілі аккредиттелді.",
			nil},
		{"kk: MPs in a sentence continuing one about observers",
			"", "ЕҚЫҰ ДИАҚБ 300 бақылаушы жібереді. Бұған қоса ЕҚЫҰ Парламенттік Ассамблеясынан 50-дей депутат келеді.",
			[]string{"OSCE-ODIHR|300|exact", "OSCE-PA|50|about"}},
		{"kk: 'of them' in a clause after the count does not refer back",
			"", "Ресей бес байқаушы жіберді. Комиссия 70 жаңа байқаушыны тіркеді, олардың көбі – ТМД миссиясының мүшелері.",
			[]string{"ALL|70|exact", "RU|5|exact"}},
		{"kk: a headline shortening the name of the body's organisation",
			"ЕҚЫҰ-дан 300-ге жуық бақылаушы келеді", "ЕҚЫҰ ДИАҚБ 300-ге жуық бақылаушы жібереді.",
			[]string{"OSCE-ODIHR|300|about"}},
		{"kk: an organisation's secretariat in a list, each sending N",
			"", "ШЫҰ хатшылығы мен ТМД екі бақылаушыдан жіберді.",
			[]string{"CIS|2|exact", "SCO|2|exact"}},
		{"kk: 'to date' before the count is no 'up to'",
			"", "Комиссия бүгінгі күнге дейін 120 шетелдік байқаушыны тіркеді.",
			[]string{"ALL|120|exact"}},
		{"kk: 'up to' after the count",
			"", "ЕҚЫҰ ДИАҚБ 300-ге дейін байқаушы жібереді.",
			[]string{"OSCE-ODIHR|300|up_to"}},
		{"ru: a short sentence after one about observers, counted in characters",
			"", "ЦИК аккредитовала 300 иностранных наблюдателей. Парламентская ассамблея ОБСЕ пришлет до 40 парламентариев.",
			[]string{"ALL|300|exact", "OSCE-PA|40|up_to"}},
		{"kk: counts of voters and polling stations are no facts",
			"", "Облыста 612 мыңға жуық сайлаушы бар, 418 сайлау учаскесі жұмыс істейді, байқаушылар келді.",
			nil},
		// nationalities are no groups
		{"countries after an organisation's count from K countries",
			"", "От миссии БДИПЧ ОБСЕ аккредитовано 52 наблюдателя из 20 стран. «Больше всего – 7 наблюдателей – от Германии, по 5 – от Франции и Италии», – сказала она.",
			[]string{"OSCE-ODIHR|52|exact"}},
		{"citizens inside missions",
			"", "Из числа российских граждан 8 долгосрочных и 70 краткосрочных наблюдателей прибудут в составе миссии БДИПЧ.",
			nil},
		{"a headline restating a total under another name",
			"Выборы отслеживают 320 международных наблюдателей", "Комиссия сообщила, что выборы отслеживают 320 наблюдателей от международных организаций.",
			[]string{"ORGS|320|exact"}},
		// not facts
		{"journalists are no observers",
			"", "The commission has accredited 412 foreign observers. It also accredited 150 representatives of foreign media.",
			[]string{"ALL|412|exact"}},
		{"organisations of observers are counted as organisations",
			"", "The 95 local and 31 international election observer organisations have been accredited.",
			nil},
		{"observers refused visas",
			"", "The ministry declined to grant visas to 14 observers from Poland.",
			nil},
		{"the number N is a label",
			"", "He received the accreditation card of the international observer with the number 7.",
			nil},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{Title: tc.title, Body: tc.body, PublishedAt: pub, Language: "en"}
			got := factSummary(mustFacts(x, a))
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("facts of %q\n got %v\nwant %v", tc.body, got, tc.want)
			}
		})
	}
}

// TestSubjectStopsAtNeighbour: a group's subject names that group only,
// never the count or unit of the one before it.
func TestSubjectStopsAtNeighbour(t *testing.T) {
	pub := time.Date(2024, 11, 20, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, body, want string // want: "CODE|count|subject" of the last fact
	}{
		{"a dash item after another item's unit",
			"Most came from the CIS Executive Committee – 35 observers, the SCO – 9 observers and the Parliamentary Assembly of the Collective Security Treaty Organization – 14 observers.",
			"CSTO-PA|14|Parliamentary Assembly of the Collective Security Treaty Organization"},
		{"a sender after another count's object",
			"The commission registered 52 OSCE observers and the Parliamentary Assembly of the Collective Security Treaty Organization sent 17 observers.",
			"CSTO-PA|17|Parliamentary Assembly of the Collective Security Treaty Organization"},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			facts := mustFacts(x, &article.Article{Body: tc.body, PublishedAt: pub, Language: "en"})
			if len(facts) == 0 {
				t.Fatalf("no facts in %q", tc.body)
			}
			f := facts[len(facts)-1]
			if got := fmt.Sprintf("%s|%d|%s", f.SubjectCode, f.Count, f.Subject); got != tc.want {
				t.Errorf("last fact of %q\n got %s\nwant %s", tc.body, got, tc.want)
			}
		})
	}
}

// TestKazakhTimeAndStatus: the status, as_of and period that Kazakh words
// around a count give (the verb ends the clause; dates take postpositions).
func TestKazakhTimeAndStatus(t *testing.T) {
	pub := time.Date(2023, 3, 17, 12, 0, 0, 0, article.KazakhstanOffset(2023, 3, 17, 12, 0))
	tests := []struct {
		name, body, want string // want: "status|as_of|period_start/period_end" of the first fact
	}{
		{"a date, then 'as of the situation'",
			"ОСК 2023 жылғы 15 наурыздағы жағдай бойынша 612 шетелдік байқаушыны аккредиттеді.",
			"accredited|2023-03-15|/"},
		{"at today's session",
			"Комиссияның бүгінгі отырысында тағы 40 байқаушы аккредиттелді.",
			"accredited|2023-03-17|/"},
		{"a range of dates, then 'in the interval'",
			"2-9 наурыз аралығында комиссия 80 жаңа байқаушыны тіркеді.",
			"registered||2023-03-02/2023-03-09"},
		{"the verb of the noun after a future participle of another noun",
			"Ертең өтетін сайлау қарсаңында облысқа 25 халықаралық байқаушы келді.",
			"arrived||/"},
		{"accredited as a verb of 'аккредитация'",
			"Барлығы 588 шетелдік байқаушы аккредитацияланды.",
			"accredited||/"},
		{"joined",
			"ЕҚЫҰ ДИАҚБ миссиясы ақпанда жұмысын бастады. Дауыс беру күніне қарай оларға 200-ден астам қысқа мерзімді байқаушы қосылды.",
			"arrived||/"},
	}
	x := NewExtractor()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			facts := mustFacts(x, &article.Article{Body: tc.body, PublishedAt: pub, Language: "kk"})
			if len(facts) == 0 {
				t.Fatalf("no facts in %q", tc.body)
			}
			f := facts[0]
			if got := fmt.Sprintf("%s|%s|%s/%s", f.Status, f.AsOf, f.PeriodStart, f.PeriodEnd); got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.body, got, tc.want)
			}
		})
	}
}
