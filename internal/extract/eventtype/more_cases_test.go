package eventtype

import "testing"

// harderCases are a second set of sentences of our own, written after the
// rules to probe phrasing the rules were not shaped on: headlines, passive
// voice, reported speech, several events in one snippet.
var harderCases = []struct {
	name, text, want string
}{
	{"clash encounter", "Three suspected rebels were killed in an encounter with security forces in the forest district on Monday.", "ARMED_CLASH"},
	{"clash gunbattle headline", "Police, gunmen in hours-long gun battle on outskirts of the capital", "ARMED_CLASH"},
	{"clash besieged post", "Insurgents besieged a police post for two days before reinforcements arrived and drove them off.", "ARMED_CLASH"},
	{"clash hostilities", "Hostilities resumed between the two armed movements around the oil town, with casualties on both sides.", "ARMED_CLASH"},
	{"clash army kills", "The army said it killed 14 militants during a sweep of the border villages.", "ARMED_CLASH"},
	{"gov retook", "Army units retook the airport on Thursday, three weeks after insurgents overran it.", "GOV_REGAINS_TERIT"},
	{"gov back under control", "Soldiers restored state control over the mining town after expelling the armed group.", "GOV_REGAINS_TERIT"},
	{"nonstate captured headline", "Militants capture strategic hilltop town in the north", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nonstate took over", "Separatist fighters took over several villages along the main highway after heavy fighting.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"chem toxic", "Residents reported a yellow cloud and a smell of bleach after shells laden with toxic gas fell on the neighbourhood.", "CHEM_WEAP"},
	{"air bombing raid", "Government aircraft carried out bombing raids on rebel-held towns, a monitoring group said.", "AIR_STRIKE"},
	{"air helicopter", "A military helicopter fired on a gathering of suspected fighters near the river.", "AIR_STRIKE"},
	{"air coalition", "Coalition jets struck an arms depot outside the port city overnight.", "AIR_STRIKE"},
	{"suicide headline", "Suicide attack on army convoy kills 9", "SUIC_BOMB"},
	{"suicide female", "Two female bombers detonated explosives strapped to their bodies at the market entrance.", "SUIC_BOMB"},
	{"art barrage", "A barrage of rockets slammed into residential districts, wounding a dozen people.", "ART_MISS_ATTACK"},
	{"art shells landed", "Shells landed near a school in the frontline village on Tuesday.", "ART_MISS_ATTACK"},
	{"art missile hit", "A missile hit an apartment block in the city centre, emergency services said.", "ART_MISS_ATTACK"},
	{"rem blast", "An explosive device attached to a vehicle went off in the parking lot of the ministry.", "REM_EXPLOS"},
	{"rem bomb exploded", "A bomb hidden in a rubbish bin exploded near the bus terminal, injuring five.", "REM_EXPLOS"},
	{"rem blast headline", "Blast kills two soldiers on patrol in the south", "REM_EXPLOS"},
	{"grenade thrown", "Attackers threw a grenade at a police vehicle in the old town.", "GRENADE"},
	{"sexual assault", "The soldiers are accused of sexually assaulting women at a checkpoint.", "SEX_VIOL"},
	{"attack herders", "Armed herders attacked a farming community overnight, killing 17 villagers and burning homes.", "ATTACK"},
	{"attack assassination", "A prominent cleric was assassinated by unknown gunmen after leaving evening prayers.", "ATTACK"},
	{"attack bandits", "Bandits stormed a village and killed eight people, residents said.", "ATTACK"},
	{"abduct seized", "Gunmen abducted a priest and two parishioners from the parish house.", "ABDUCT_DISSAP"},
	{"abduct missing", "Three aid workers have been missing since armed men stopped their car at a roadblock.", "ABDUCT_DISSAP"},
	{"peace strike", "Doctors went on strike across the country to protest unpaid salaries.", "PEACE_PROTEST"},
	{"peace demonstrators gathered", "Hundreds of demonstrators gathered outside the embassy, waving flags and holding placards.", "PEACE_PROTEST"},
	{"peace headline", "Farmers protest new water tariffs in the capital", "PEACE_PROTEST"},
	{"pwi arrests at rally", "Police arrested 40 people at an unauthorised opposition rally in the city centre.", "PROTEST_WITH_INTER"},
	{"pwi water cannon", "Water cannon was used against students demanding the rector's resignation.", "PROTEST_WITH_INTER"},
	{"force killed protesters", "Troops shot dead five protesters demanding the release of political prisoners.", "FORCE_AGAINST_PROTEST"},
	{"force live rounds", "Police fired live rounds at a crowd of peaceful marchers, wounding at least twenty.", "FORCE_AGAINST_PROTEST"},
	{"riot stones", "Youths pelted police with stones and burned tyres after the disputed election result.", "VIOL_DEMONSTR"},
	{"riot protesters torched", "Protesters torched a police station and looted shops during the demonstration.", "VIOL_DEMONSTR"},
	{"mob crowd burned", "A crowd dragged the suspect from the police cell and burned him alive.", "MOB_VIOL"},
	{"mob communal", "Members of two rival communities clashed with machetes and sticks, leaving four dead.", "MOB_VIOL"},
	{"agreement truce", "Rival militias signed a truce brokered by tribal elders on Sunday.", "AGREEMENT"},
	{"agreement release", "The rebels freed 12 captured soldiers as part of a deal with the government.", "AGREEMENT"},
	{"arrest rounded up", "Security forces rounded up dozens of young men in night raids across the district.", "ARREST"},
	{"arrest detained journalist", "A journalist who reported on the protests has been detained by the intelligence services.", "ARREST"},
	{"change new commander", "The armed group named a new commander after its leader was killed.", "CHANGE_TO_GROUP_ACT"},
	{"change pledge allegiance", "A local faction pledged allegiance to the jihadist group, a statement said.", "CHANGE_TO_GROUP_ACT"},
	{"disr seized explosives", "Police seized 200 kilograms of explosives and detonators in a raid on a warehouse.", "DISR_WEAP"},
	{"disr shot down drone", "Air defence units shot down a drone approaching the airbase.", "DISR_WEAP"},
	{"hq camp", "Insurgents established a training camp in the forest near the border.", "HQ_ESTABLISHED"},
	{"property torched homes", "Armed men burned down dozens of houses in the village after residents fled.", "PROPERTY_DISTRUCT"},
	{"property vandalised", "Statues in the town square were vandalised overnight.", "PROPERTY_DISTRUCT"},
	{"non-violent handed", "The militia handed the town over to the army under a local agreement, without resistance.", "NON_VIOL_TERRIT_TRANSFER"},
	{"other displaced", "More than 10,000 people have been displaced by the fighting, aid agencies said.", "OTHER"},
	{"natural cyclone", "The cyclone made landfall overnight, flattening homes along the coast.", "NATURAL_DISASTER"},
	{"man-made fire", "A fire at a textile factory killed 14 workers who were trapped inside.", "MAN_MADE_DISASTER"},
	{"man-made boat", "A boat carrying migrants capsized off the coast, leaving dozens missing.", "MAN_MADE_DISASTER"},
	{"crime cartel", "A drug cartel gunman was sentenced to 40 years for trafficking.", "ORG_CRIME"},
	{"diplo summit", "The two leaders met at a summit to discuss trade and border security.", "DIPLO"},
	// Multi-sentence snippets whose later sentences mention other event
	// types as background.
	{"snippet peaceful with history", "Several hundred nurses rallied outside the health ministry on Tuesday to demand overdue pay. Last year a similar march was broken up with tear gas.", "PEACE_PROTEST"},
	{"snippet protest then talks", "Taxi drivers marched through the capital against a new ride-hailing law. The transport minister said he had agreed to meet their union next week.", "PEACE_PROTEST"},
	{"snippet airstrike then clash", "An air raid on a rebel training camp killed at least 20 fighters, the military said. Clashes have continued in the province for weeks.", "AIR_STRIKE"},
	{"snippet arrests then background bombing", "Police have arrested four men suspected of links to an extremist cell in the northern city. The cell is blamed for a bombing at a bus station in March.", "ARREST"},
	{"snippet shelling with displacement", "Heavy artillery fire hit the outskirts of the town overnight, killing a family of five. Thousands have fled the area since the offensive began.", "ART_MISS_ATTACK"},
	{"snippet agreement then violations", "The government and the armed movement signed a ceasefire agreement in the capital on Saturday. Previous truces collapsed within days amid accusations of violations.", "AGREEMENT"},
	{"snippet ied with claim", "A roadside bomb tore through a police pickup truck, killing three officers, local officials said. No group has yet claimed responsibility.", "REM_EXPLOS"},
	{"snippet looting after unrest", "Shops in the city centre were looted overnight as police stayed away. Residents said groups of young men carted off electronics and food.", "PROPERTY_DISTRUCT"},
	{"snippet kidnapping for ransom", "Gunmen kidnapped a businessman on his way home and are demanding a ransom, his family said.", "ABDUCT_DISSAP"},
	{"snippet militants attack base", "Militants attacked a military base in the desert region at dawn, killing seven soldiers, the army said in a statement. The attackers fled on motorbikes.", "ARMED_CLASH"},
	{"snippet villagers massacred", "Gunmen on motorcycles killed 30 villagers in a raid on a remote settlement, the regional governor said. The attackers also burned granaries.", "ATTACK"},
	{"snippet troops deployed", "The defence ministry has sent two additional battalions to the border to reinforce units already stationed there.", "CHANGE_TO_GROUP_ACT"},
	{"snippet weapons handed in", "Former fighters handed in hundreds of rifles and grenades at a disarmament centre on Monday.", "DISR_WEAP"},
	{"snippet rally turned riot", "What began as a peaceful march turned into a riot when demonstrators smashed shop windows and set cars alight.", "VIOL_DEMONSTR"},
	{"snippet earthquake rescue", "Rescue teams are searching the rubble for survivors after a powerful quake struck the region. Soldiers have been deployed to help with relief.", "NATURAL_DISASTER"},
	{"snippet diplomatic protest note", "The foreign ministry summoned the ambassador to protest against remarks made by his government.", "DIPLO"},
	{"snippet crime smuggling", "Border guards arrested a gang smuggling cigarettes and fuel across the river.", "ORG_CRIME"},
	{"snippet attribution blame", "Officials said the attack bore the hallmarks of the insurgent group and blamed its local commander for the planning.", "ATTRIB"},
	// Third round: more ways newswire words each type.
	{"r3 nonstate stormed and held", "Fighters of the armed group stormed the provincial capital and now hold the governor's compound, witnesses said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"r3 nonstate under control", "The jihadists have taken the port town and raised their flag over the police headquarters.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"r3 nonstate headline seize", "Rebels seize key border crossing after government troops flee", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"r3 gov headline", "Army recaptures key town from insurgents", "GOV_REGAINS_TERIT"},
	{"r3 gov entered", "Government forces entered the rebel stronghold on Saturday after the fighters withdrew under heavy bombardment, state media reported.", "GOV_REGAINS_TERIT"},
	{"r3 peace sit-in", "Hundreds of pensioners held a sit-in in front of the parliament building on Wednesday, calling for higher pensions.", "PEACE_PROTEST"},
	{"r3 peace vigil", "Mourners held a candlelight vigil in memory of the victims and called on the authorities to act.", "PEACE_PROTEST"},
	{"r3 peace students boycott", "University students boycotted classes and gathered on campus to denounce the arrest of their union leader.", "PEACE_PROTEST"},
	{"r3 attack shot civilians", "Unidentified assailants shot and killed a school headmaster and his driver on the road to the district centre.", "ATTACK"},
	{"r3 attack burned village", "Militia members set homes on fire and shot residents as they fled, killing at least 12, survivors said.", "ATTACK"},
	{"r3 arrest headline", "Opposition leader arrested ahead of planned rally", "ARREST"},
	{"r3 arrest charged", "Authorities detained three journalists and charged them with spreading false news.", "ARREST"},
	{"r3 rem explos detonated", "Militants detonated an explosive device as a military convoy passed, destroying an armoured vehicle.", "REM_EXPLOS"},
	{"r3 rem mine", "A bus ran over a mine on the road south of the city, killing 11 passengers.", "REM_EXPLOS"},
	{"r3 other curfew", "Authorities declared a curfew in the city after days of unrest.", "CHANGE_TO_GROUP_ACT"},
	{"r3 non-violent withdraw", "Rebel fighters moved into the town after government troops pulled out overnight, residents said, adding that no shots were fired.", "NON_VIOL_TERRIT_TRANSFER"},
	{"r3 property burned church", "Unknown assailants burned a church in the village overnight; no one was hurt.", "PROPERTY_DISTRUCT"},
	{"r3 property destroyed", "Fighters blew up a bridge and destroyed telecommunication towers as they retreated.", "PROPERTY_DISTRUCT"},
	{"r3 change splinter", "A splinter faction broke away from the movement and announced its own leadership.", "CHANGE_TO_GROUP_ACT"},
	{"r3 disr arms seized at border", "Customs officials intercepted a truck carrying assault rifles and rocket launchers at the border.", "DISR_WEAP"},
	{"r3 disr bomb defused", "Bomb disposal experts made safe an explosive device found near the stadium.", "DISR_WEAP"},
	{"r3 man-made collapse", "A five-storey building under construction collapsed, trapping dozens of labourers.", "MAN_MADE_DISASTER"},
	{"r3 man-made train", "Two passenger trains collided head-on, killing at least 30 people.", "MAN_MADE_DISASTER"},
	{"r3 crime extortion", "Police dismantled a gang accused of extorting money from shop owners.", "ORG_CRIME"},
	{"r3 crime murder robbery", "A shopkeeper was killed by robbers who broke into his store at night.", "ORG_CRIME"},
	{"r3 diplo sanctions", "The European Union imposed new sanctions on senior officials, prompting the government to recall its envoy.", "DIPLO"},
	{"r3 diplo visit", "The president arrived in the neighbouring capital for a two-day state visit focused on trade.", "DIPLO"},
	{"r3 force tear gas killed", "Police fired tear gas and live bullets at demonstrators, killing two, witnesses said.", "FORCE_AGAINST_PROTEST"},
	{"r3 viol demonstr attack police", "Demonstrators attacked police with sticks and set a patrol car ablaze outside the town hall.", "VIOL_DEMONSTR"},
	{"r3 abduct students", "Kidnappers seized 30 students from a boarding school in a night raid.", "ABDUCT_DISSAP"},
	{"r3 agreement talks", "The parties agreed on a roadmap for disarmament at the end of three days of talks.", "AGREEMENT"},
	{"r3 air drone killed", "A suspected drone attack killed a senior commander of the group in his car.", "AIR_STRIKE"},
	{"r3 art rockets fired at city", "Militants fired several Grad rockets at the city overnight, damaging houses.", "ART_MISS_ATTACK"},
	{"r3 grenade police station", "Two policemen were injured when a grenade was thrown into their station.", "GRENADE"},
	{"r3 suicide vest detonated", "An attacker wearing an explosives belt detonated it among recruits lining up outside the academy.", "SUIC_BOMB"},
	{"r3 chem chlorine", "Doctors treated patients for symptoms consistent with exposure to chlorine after the bombardment.", "CHEM_WEAP"},
	{"r3 sex viol soldiers", "Soldiers raped several women during a search operation in the village, a rights group said.", "SEX_VIOL"},
	{"r3 mob thief", "Residents caught a suspected thief and beat him to death before police arrived.", "MOB_VIOL"},
	{"r3 hq checkpoint base", "The militia has established a headquarters in the former governor's residence.", "HQ_ESTABLISHED"},
	{"r3 clash army vs rebels", "Fighting between the army and rebels killed at least 15 combatants near the town.", "ARMED_CLASH"},
	{"attrib accused", "The government accused the rebels of carrying out the attack on the pipeline.", "ATTRIB"},
}

func TestClassifyHarder(t *testing.T) {
	c := newTestClassifier(t)
	fails := 0
	for _, tc := range harderCases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Classify(tc.text)
			if got.Code != tc.want {
				fails++
				t.Errorf("Classify(%q) = %q (%.1f), want %q; cues:%s", tc.text, got.Code, got.Score, tc.want, describeCues(got.Cues))
			}
		})
	}
	t.Logf("%d of %d wrong", fails, len(harderCases))
}
