package eventtype

import "testing"

// newswireCases are snippets of our own in the shape of wire copy: a long
// lede with place, date and attribution, sometimes a second sentence of
// context. They were written from ACLED's codebook definition of each
// sub-event type, before running the classifier on them, to measure how the
// rules generalise beyond the sentences they were shaped on. Best is used,
// as in the CASE task, where every snippet gets one label.
var newswireCases = []struct {
	name, text, want string
}{
	// Government regains territory: state forces take back a place.
	{"gov army retakes district", "The Afghan army said on Sunday it had retaken control of the district centre, which fell to Taliban fighters last month, after an operation backed by air support.", "GOV_REGAINS_TERIT"},
	{"gov liberated villages", "Iraqi forces liberated four villages south of the city from Islamic State militants, the Joint Operations Command said in a statement.", "GOV_REGAINS_TERIT"},
	{"gov regime forces captured", "Syrian regime forces captured the strategic town of Khan Sheikhoun from opposition fighters on Wednesday, a war monitor said.", "GOV_REGAINS_TERIT"},
	{"gov restored control", "Troops have restored government control over the port city, ending two years of rule by the separatists, the defence ministry announced.", "GOV_REGAINS_TERIT"},
	{"gov cleared of militants", "Nigerian troops said they had cleared the forest enclave of Boko Haram fighters and taken over their main camp.", "GOV_REGAINS_TERIT"},
	{"gov back in army hands", "The town is back in the hands of the army after the rebels were driven out on Friday, residents told Reuters.", "GOV_REGAINS_TERIT"},
	{"gov seized from separatists", "Government troops seized the airport from separatist forces after two days of fighting, an army spokesman said.", "GOV_REGAINS_TERIT"},
	{"gov took back", "Security forces took back the border post that insurgents had held since March, officials in the province said.", "GOV_REGAINS_TERIT"},
	// Non-state actor overtakes territory.
	{"nvt seized after withdrawal", "Al-Shabaab fighters seized the town of Bardere on Tuesday after Ethiopian troops withdrew, residents said.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nsa seized after battle", "Al-Shabaab fighters seized the town of Bardere on Tuesday after a fierce battle with Ethiopian troops, residents said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa captured base", "Houthi rebels captured a military base in the desert province after days of fighting with pro-government forces, tribal sources said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa took control", "Jihadists took control of several villages in the north of the country, forcing thousands to flee, the United Nations said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa fell to rebels", "The strategic crossroads town fell to the rebels on Saturday, the government conceded, the latest in a string of setbacks.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa militia seized", "A tribal militia seized oil installations in the east of the country and declared them under its protection.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa overran", "Insurgents overran an army outpost in the mountains and raised their flag over it, according to a video posted online.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	// Non-violent transfer of territory.
	{"nvt handed over base", "Foreign troops handed over the airbase to the national army on Monday in a ceremony attended by the defence minister.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt entered after withdrawal", "Government soldiers entered the town after rebel fighters withdrew under a local deal, without a shot being fired.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt took over vacated", "Kurdish forces took over positions vacated by the departing coalition troops near the border.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt militants moved into", "Militants moved into the village after the army abandoned its posts there overnight, locals said.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt returned control", "The militia returned control of the oil terminal to the state oil company under an agreement brokered by elders.", "NON_VIOL_TERRIT_TRANSFER"},
	// Armed clash.
	{"clash repelled attack", "Soldiers repelled an attack by Boko Haram militants on their base in Borno state on Monday, killing 17 of the attackers, the army said.", "ARMED_CLASH"},
	{"clash fighting between", "Fighting between government forces and rebels in the eastern province has killed at least 30 combatants since Thursday, a military source said.", "ARMED_CLASH"},
	{"clash attacked checkpoint", "Taliban fighters attacked a police checkpoint in the province overnight, killing five policemen, a provincial spokesman said.", "ARMED_CLASH"},
	{"clash troops killed militants", "Security forces killed 12 militants in an operation in the mountainous region, the military's media wing said.", "ARMED_CLASH"},
	{"clash ambushed convoy", "Gunmen ambushed a military convoy on the road to the border, killing three soldiers, officials said.", "ARMED_CLASH"},
	{"clash militias fought", "Rival militias fought for several hours in the southern suburbs of the capital on Tuesday, residents said.", "ARMED_CLASH"},
	// Chemical weapons.
	{"chem chlorine used", "Investigators said chlorine gas was probably used in an attack on the rebel-held town, where dozens of people were treated for breathing problems.", "CHEM_WEAP"},
	{"chem toxic gas shells", "Doctors in the enclave said at least 20 people were treated for suffocation after government shells released toxic gas on a residential district.", "CHEM_WEAP"},
	{"chem alleged chemical attack", "An alleged chemical attack on the town killed dozens, rescue workers said, as the government denied using such weapons.", "CHEM_WEAP"},
	{"chem sarin", "The watchdog concluded that sarin had been used in the strike that killed scores of civilians in the village.", "CHEM_WEAP"},
	{"chem mustard", "Kurdish officials said militants fired rockets filled with mustard agent at their positions, injuring several fighters.", "CHEM_WEAP"},
	// Air strikes.
	{"air coalition killed", "A coalition air strike killed at least 15 people at a wedding in the province, medical sources said.", "AIR_STRIKE"},
	{"air jets targeted", "Russian jets targeted rebel positions in the countryside, a monitor said.", "AIR_STRIKE"},
	{"air drone strike car", "A drone strike hit a car carrying two suspected militants near the border, killing both.", "AIR_STRIKE"},
	{"air helicopters attacked", "Army helicopters attacked a column of insurgents moving towards the town, the military said.", "AIR_STRIKE"},
	// Shelling.
	{"art mortar shells fell", "Several mortar shells fell on a residential district of the capital, wounding four people, a police officer said.", "ART_MISS_ATTACK"},
	{"art shelled village", "Government forces shelled the village overnight, killing two children, activists said.", "ART_MISS_ATTACK"},
	{"art rockets fired", "Two rockets were fired at the airport on Sunday, causing no casualties, the military said.", "ART_MISS_ATTACK"},
	{"art missile launched", "The rebels launched a ballistic missile towards the city, which was intercepted, the coalition said.", "DISR_WEAP"},
	// Remote explosives.
	{"rem roadside bomb", "A roadside bomb struck a police vehicle in the province, killing three officers, officials said.", "REM_EXPLOS"},
	{"rem car bomb", "A car bomb exploded outside a government building in the city on Saturday, killing at least eight people.", "REM_EXPLOS"},
	{"rem landmine", "Two shepherds were killed when they stepped on a landmine near the village, local officials said.", "REM_EXPLOS"},
	{"rem ied convoy", "An IED hit a convoy of peacekeepers north of the town, wounding two soldiers.", "REM_EXPLOS"},
	// Grenades.
	{"gren hurled", "Unknown assailants hurled a grenade at a police station in the town, injuring two officers.", "GRENADE"},
	{"gren attack market", "A grenade attack on a busy market wounded 12 people, police said.", "GRENADE"},
	{"gren exploded", "A hand grenade exploded at a bus stop on Friday evening, killing one person.", "GRENADE"},
	// Suicide bombings.
	{"suic killed", "A suicide bomber killed at least 20 people at a funeral in the eastern province on Sunday, officials said.", "SUIC_BOMB"},
	{"suic car", "A suicide car bomber rammed his vehicle into an army checkpoint, killing four soldiers.", "SUIC_BOMB"},
	// Attacks on civilians.
	{"attack gunmen killed villagers", "Gunmen killed 14 villagers in an overnight raid on a settlement in the central region, a local official said.", "ATTACK"},
	{"attack shot dead journalist", "A journalist was shot dead by unidentified gunmen outside his home in the city, police said.", "ATTACK"},
	{"attack militants beheaded", "Militants beheaded three farmers accused of spying for the army, residents said.", "ATTACK"},
	{"attack soldiers killed civilians", "Soldiers killed at least 10 civilians in a village during a search for rebels, a rights group said.", "ATTACK"},
	// Abduction.
	{"abduct gunmen seized", "Armed men abducted 20 passengers from a bus on the highway, police said.", "ABDUCT_DISSAP"},
	{"abduct kidnapped worker", "Militants kidnapped an aid worker in the north of the country, his organisation said.", "ABDUCT_DISSAP"},
	// Sexual violence.
	{"sex raped", "Fighters raped at least 15 women during an attack on the village, the UN said.", "SEX_VIOL"},
	// Peaceful protest.
	{"peace marched demand", "Thousands of teachers marched to parliament on Tuesday to demand higher wages, in the largest protest in years.", "PEACE_PROTEST"},
	{"peace rallied support", "Hundreds of people rallied in the capital in support of the jailed opposition leader, chanting slogans.", "PEACE_PROTEST"},
	{"peace held demonstration", "Residents held a demonstration outside the governor's office over frequent power cuts.", "PEACE_PROTEST"},
	{"peace strike continues", "Health workers continued their strike for a third week, demanding the payment of salary arrears.", "PEACE_PROTEST"},
	{"peace protested against", "Farmers protested against the new land law in front of the provincial assembly.", "PEACE_PROTEST"},
	{"peace gathered to denounce", "Activists gathered in the main square to denounce the killing of a rights campaigner.", "PEACE_PROTEST"},
	// Protest with intervention.
	{"pwi police detained", "Police detained dozens of protesters at an unauthorised rally in the capital on Saturday, monitors said.", "PROTEST_WITH_INTER"},
	{"pwi tear gas disperse", "Police used tear gas to disperse students protesting against fee increases outside the university.", "PROTEST_WITH_INTER"},
	{"pwi prevented march", "Security forces prevented opposition supporters from marching to the election commission and arrested several of them.", "PROTEST_WITH_INTER"},
	// Excessive force against protesters.
	{"force killed protesters", "Security forces shot dead at least eight protesters during demonstrations against the government, medics said.", "FORCE_AGAINST_PROTEST"},
	{"force opened fire", "Troops opened fire on demonstrators in the capital, killing three and wounding dozens, witnesses said.", "FORCE_AGAINST_PROTEST"},
	{"force beaten", "Police beat peaceful protesters with batons, leaving several with serious head injuries, Amnesty said.", "FORCE_AGAINST_PROTEST"},
	// Violent demonstration.
	{"viol threw stones", "Protesters threw stones at police and set tyres ablaze in the city centre on Monday.", "VIOL_DEMONSTR"},
	{"viol clashed police", "Demonstrators clashed with riot police in the capital for a second night, leaving several officers injured.", "VIOL_DEMONSTR"},
	{"viol blocked roads", "Angry protesters blocked the main highway with burning tyres and stones to protest against fuel prices.", "VIOL_DEMONSTR"},
	{"viol stormed", "Protesters stormed the parliament building and vandalised offices, state television showed.", "VIOL_DEMONSTR"},
	// Mob violence.
	{"mob lynched", "A mob lynched a man suspected of stealing cattle in the village, police said.", "MOB_VIOL"},
	{"mob torched", "An angry mob torched the house of a local official after a boy died in police custody.", "MOB_VIOL"},
	{"mob communal", "Clashes between two ethnic communities over grazing land left five people dead, police said.", "MOB_VIOL"},
	{"mob vigilantes beat", "Vigilantes beat two suspected kidnappers to death in the market town, witnesses said.", "MOB_VIOL"},
	{"mob attacked", "A crowd attacked a group of migrants with sticks and stones, injuring eight, the police said.", "MOB_VIOL"},
	// Property destruction.
	{"prop looted", "Shops were looted and vehicles set on fire in the town overnight, residents said.", "PROPERTY_DISTRUCT"},
	{"prop burned school", "Militants burned down a school in the village, the education ministry said.", "PROPERTY_DISTRUCT"},
	{"prop destroyed homes", "Armed men destroyed dozens of homes in the settlement, the local council said.", "PROPERTY_DISTRUCT"},
	// Agreement.
	{"agr ceasefire agreed", "The warring parties agreed to a ceasefire to begin at midnight, the UN envoy said.", "AGREEMENT"},
	{"agr prisoners exchanged", "The two sides exchanged 200 prisoners on Sunday under a deal mediated by the Red Cross.", "AGREEMENT"},
	{"agr peace signed", "The government and the rebel movement signed a peace deal in the capital on Friday.", "AGREEMENT"},
	// Arrests.
	{"arr police arrested", "Police arrested 15 opposition activists ahead of a planned demonstration, their party said.", "ARREST"},
	{"arr detained suspects", "Authorities detained three suspects in connection with last week's bombing, the interior ministry said.", "ARREST"},
	{"arr journalist held", "A journalist was arrested at his home on Monday on charges of spreading false news.", "ARREST"},
	// Change to group/activity.
	{"chg deployed troops", "The government deployed thousands of troops to the restive region ahead of the elections.", "CHANGE_TO_GROUP_ACT"},
	{"chg new alliance", "Several armed groups announced the formation of a new alliance to fight the government.", "CHANGE_TO_GROUP_ACT"},
	{"chg withdrew forces", "The country began withdrawing its forces from the neighbouring country, the defence ministry said.", "CHANGE_TO_GROUP_ACT"},
	{"chg recruited", "The militia has recruited hundreds of young men in the past month, local leaders said.", "CHANGE_TO_GROUP_ACT"},
	{"chg warplanes intercepted", "Fighter jets were scrambled after foreign military aircraft entered the country's airspace.", "CHANGE_TO_GROUP_ACT"},
	// Disrupted weapons use.
	{"disr seized weapons", "Police seized a large cache of weapons and ammunition in a raid on a house in the city.", "DISR_WEAP"},
	{"disr defused", "Bomb disposal experts defused an explosive device planted near a school, police said.", "DISR_WEAP"},
	{"disr intercepted drone", "Air defences intercepted a drone launched towards the airport, the coalition said.", "DISR_WEAP"},
	// Headquarters established.
	{"hq set up base", "The foreign forces set up a new military base near the oil fields, a monitor reported.", "HQ_ESTABLISHED"},
	{"hq established outpost", "The militants established a new headquarters in a school building in the village.", "HQ_ESTABLISHED"},
	// Other.
	{"other mass grave", "Forensic teams exhumed a mass grave containing the remains of dozens of people near the former front line.", "OTHER"},
	{"other displaced", "Thousands of people have fled their homes in the region because of the fighting, the UN refugee agency said.", "OTHER"},
	// Non-ACLED labels.
	{"nat flood", "Floods caused by heavy rains killed at least 40 people and displaced thousands, the disaster agency said.", "NATURAL_DISASTER"},
	{"nat earthquake", "A strong earthquake struck the mountainous region on Tuesday, killing dozens and destroying homes.", "NATURAL_DISASTER"},
	{"man fire", "A fire at a crowded market killed at least 10 people, the fire service said.", "MAN_MADE_DISASTER"},
	{"man bus crash", "At least 25 people died when a bus plunged into a ravine on the mountain road.", "MAN_MADE_DISASTER"},
	{"crime drugs seized", "Police seized two tonnes of cocaine hidden in a shipment of bananas and arrested four people.", "ORG_CRIME"},
	{"crime gang robbery", "Armed robbers raided a bank in the city centre and escaped with cash, police said.", "ORG_CRIME"},
	{"diplo expel", "The government ordered the expulsion of three diplomats accused of spying.", "DIPLO"},
	{"diplo talks", "The foreign ministers of the two countries met to discuss bilateral relations and trade.", "DIPLO"},
	{"attrib claimed", "The Islamic State group claimed responsibility for the bombing in a statement on its news agency.", "ATTRIB"},
	{"attrib blamed", "The government blamed the rebels for the attack on the power station, which the group denied.", "ATTRIB"},
	// Second round: captions, headlines, preambles and second sentences
	// that mention other kinds of event.
	{"cap riot police detain", "Riot police detain a demonstrator during a protest against the new labour law in the capital, Thursday, March 4.", "PROTEST_WITH_INTER"},
	{"cap protesters shout", "Protesters shout slogans during a rally in front of the presidential palace, Saturday, Oct. 12, 2019.", "PEACE_PROTEST"},
	{"cap protester throws canister", "A protester throws back a tear gas canister fired by police during clashes in the city centre on Sunday.", "VIOL_DEMONSTR"},
	{"cap rubble shelling", "A man walks through the rubble of houses destroyed by shelling in the eastern district, November 3, 2016.", "ART_MISS_ATTACK"},
	{"cap soldiers patrol", "Soldiers patrol a street in the northern town after the army deployed extra units to the area.", "CHANGE_TO_GROUP_ACT"},
	{"head protest turns deadly", "Two killed as police fire on protesters in southern city", "FORCE_AGAINST_PROTEST"},
	{"head mob attack", "Mob attacks police station after death of detained youth", "MOB_VIOL"},
	{"head strikes hit", "Airstrikes hit rebel-held suburbs as talks stall", "AIR_STRIKE"},
	{"head clashes kill", "Clashes between army and militants kill 12 in northwest", "ARMED_CLASH"},
	{"head rebels seize", "Rebels seize second-largest city in major blow to government", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"pre according to sources attack", "According to local sources, a group of armed men attacked a convoy of traders on the road to the market, killing four of them.", "ATTACK"},
	{"pre monitor said clash", "The Syrian Observatory for Human Rights said violent clashes continued between regime forces and rebel factions on the southern front, with casualties on both sides.", "ARMED_CLASH"},
	{"peace police watched", "Thousands of people marched peacefully through the city on Sunday as police looked on, calling for the resignation of the government.", "PEACE_PROTEST"},
	{"peace demand justice killed", "Relatives of the victims protested outside the court demanding justice for the nine people killed in last month's massacre.", "PEACE_PROTEST"},
	{"peace strike continued killed", "Opposition parties called a general strike to protest the killing of two activists, and shops stayed shut across the region.", "PEACE_PROTEST"},
	{"peace sit-in", "Hundreds of unemployed graduates staged a sit-in outside the labour ministry, demanding jobs.", "PEACE_PROTEST"},
	{"peace against violence", "Women in the town marched against the violence that has killed dozens of people in the region this year.", "PEACE_PROTEST"},
	{"pwi arrested during protest", "At least 50 people were arrested during anti-government protests in several cities on Saturday, a rights group said.", "PROTEST_WITH_INTER"},
	{"pwi police broke up", "Police broke up a rally of opposition supporters using tear gas and water cannon, witnesses said.", "PROTEST_WITH_INTER"},
	{"force protesters killed", "At least 12 protesters were killed on Friday when security forces fired live ammunition to disperse demonstrations in several cities.", "FORCE_AGAINST_PROTEST"},
	{"force injured by police", "Dozens of demonstrators were injured when police charged the peaceful crowd with batons and fired rubber bullets.", "FORCE_AGAINST_PROTEST"},
	{"viol set fire to", "Angry protesters set fire to government buildings and attacked police stations after the election results were announced.", "VIOL_DEMONSTR"},
	{"viol youths barricades", "Youths erected barricades and burned tyres on the main roads of the city to protest the arrest of their leader.", "VIOL_DEMONSTR"},
	{"viol protesters injured police", "Several police officers were injured when protesters hurled rocks and bottles at them during a march on the parliament.", "VIOL_DEMONSTR"},
	{"mob residents set upon", "Residents set upon two men accused of witchcraft and burned them to death, police said.", "MOB_VIOL"},
	{"mob supporters clashed", "Supporters of rival candidates clashed in the town on Sunday, leaving one person dead and several injured, police said.", "MOB_VIOL"},
	{"mob villagers attacked", "Angry villagers attacked a police post and freed a suspect who had been detained there.", "MOB_VIOL"},
	{"mob sectarian", "Sectarian violence broke out in the town after a dispute over a religious procession, with houses and shops burned.", "MOB_VIOL"},
	{"other ied tunnels", "Troops discovered a network of tunnels used by the militants to move fighters between villages.", "OTHER"},
	{"other evacuated", "Thousands of civilians were evacuated from the besieged district on Tuesday, the Red Cross said.", "OTHER"},
	{"chem gas suffocation", "Activists said at least 30 people died of suffocation after helicopters dropped barrel bombs containing chlorine on the town.", "CHEM_WEAP"},
	{"chem accused use", "The opposition accused government forces of using poison gas in an attack on the suburb that killed dozens.", "CHEM_WEAP"},
	{"chem opcw report", "The OPCW said in a report that a chemical weapon was used in the town in March, but did not assign blame.", "CHEM_WEAP"},
	{"air planes bombed", "Government planes bombed the market in the rebel-held town, killing 40 people, residents said.", "AIR_STRIKE"},
	{"air strike targeting", "The military said an air strike targeting a militant leader killed six of his bodyguards.", "AIR_STRIKE"},
	{"air unmanned", "An unmanned aircraft fired two missiles at a compound in the tribal region, intelligence officials said.", "AIR_STRIKE"},
	{"art tanks shelled", "Tanks shelled positions held by the rebels on the outskirts of the city, a military source said.", "ART_MISS_ATTACK"},
	{"art mortar base", "Militants fired mortars at a military base near the airport, causing no casualties.", "ART_MISS_ATTACK"},
	{"art rocket killed", "A rocket fired from across the border killed a farmer working in his field.", "ART_MISS_ATTACK"},
	{"rem blast market", "A blast at a market in the northern city killed 15 people on Tuesday, police said, blaming a bomb hidden in a cart.", "REM_EXPLOS"},
	{"rem bomb planted", "A bomb planted under a car exploded in the city centre, killing the driver.", "REM_EXPLOS"},
	{"rem motorbike bomb", "A motorcycle packed with explosives blew up near a police patrol, wounding three officers.", "REM_EXPLOS"},
	{"gren thrown rally", "A grenade was thrown at an election rally in the town, wounding 15 people.", "GRENADE"},
	{"suic woman detonated", "A female suicide bomber detonated her explosives at a checkpoint, killing two soldiers.", "SUIC_BOMB"},
	{"attack hacked", "Assailants hacked to death a family of five in their home in the village overnight.", "ATTACK"},
	{"attack burned and killed", "Militiamen killed at least 20 civilians and burned their huts in an attack on the camp.", "ATTACK"},
	{"attack killed teacher", "Suspected militants shot dead a school teacher in the district, police said.", "ATTACK"},
	{"attack killed police informer", "Insurgents killed two men they accused of being government informers.", "ATTACK"},
	{"abduct missing activists", "Three activists have disappeared after being taken by men in plain clothes, their families said.", "ABDUCT_DISSAP"},
	{"abduct schoolgirls", "Gunmen stormed a boarding school and took away dozens of girls, officials said.", "ABDUCT_DISSAP"},
	{"sex abuse", "Peacekeepers are accused of sexually abusing girls in the camp, the UN said.", "SEX_VIOL"},
	{"arr raid arrested", "Security forces arrested 23 suspected members of the group in raids across the province, the interior ministry said.", "ARREST"},
	{"arr detained at airport", "The opposition leader was detained at the airport on his return from exile, his party said.", "ARREST"},
	{"agr release hostages deal", "The militants freed 15 hostages under an agreement with the government that saw prisoners released.", "AGREEMENT"},
	{"agr truce holding", "A truce between the army and the rebels came into effect on Sunday after talks in the capital.", "AGREEMENT"},
	{"chg forces arrived", "Hundreds of troops arrived in the city on Saturday to reinforce the garrison, state media said.", "CHANGE_TO_GROUP_ACT"},
	{"chg leader named", "The group named a new leader after the death of its founder, according to a statement.", "CHANGE_TO_GROUP_ACT"},
	{"chg defected", "A senior commander and 40 of his fighters defected to the government side, the army said.", "CHANGE_TO_GROUP_ACT"},
	{"disr arms found", "Soldiers found a large quantity of arms and explosives hidden in a cave during a search operation.", "DISR_WEAP"},
	{"disr ied destroyed", "Engineers destroyed three improvised explosive devices found on the road, the army said.", "DISR_WEAP"},
	{"hq new base", "The coalition has built a new base in the north of the province, local sources said.", "HQ_ESTABLISHED"},
	{"prop looted stores", "Hundreds of people looted stores in the port city during the night, police said.", "PROPERTY_DISTRUCT"},
	{"prop vandalised", "Unknown people vandalised a mosque and spray-painted graffiti on its walls.", "PROPERTY_DISTRUCT"},
	{"nvt peacefully handed", "The rebels peacefully handed over control of the district to government forces on Monday.", "NON_VIOL_TERRIT_TRANSFER"},
	{"gov army entered", "The army entered the city after the militants withdrew following weeks of heavy fighting and air strikes.", "GOV_REGAINS_TERIT"},
	{"nsa took over villages", "Boko Haram fighters took over three villages after overpowering the soldiers guarding them.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nat storm", "Tropical storm kills 12 as it sweeps across the islands, officials say", "NATURAL_DISASTER"},
	{"man explosion plant", "An explosion at a fertiliser plant killed five workers and injured dozens, the company said.", "MAN_MADE_DISASTER"},
	{"crime gang killed", "Members of a criminal gang shot dead a rival in a dispute over drug territory, police said.", "ORG_CRIME"},
	{"diplo ambassador summoned", "The foreign ministry summoned the neighbouring country's ambassador over the border incident.", "DIPLO"},
	{"attrib denies", "The rebel group denied any involvement in the bombing of the bus, blaming government agents.", "ATTRIB"},
	{"attrib suspected behind", "Police said the group was suspected of being behind a series of bombings in the capital.", "ATTRIB"},
	// Third round: places taken by name, brief seizures, arrests of
	// criminals, and snippets with only weak cues.
	{"name gov recaptured", "Syrian government forces recaptured Palmyra from the Islamic State group on Sunday, state television said.", "GOV_REGAINS_TERIT"},
	{"name nsa seized", "Taliban fighters seized Kunduz on Monday in their biggest victory in years, officials said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"name nsa soldiers captured", "Militants captured Nigerian soldiers during a raid on a base in the northeast, the army admitted.", "ARMED_CLASH"},
	{"name peshmerga", "Kurdish peshmerga forces liberated Sinjar after a two-day offensive, a commander said.", "GOV_REGAINS_TERIT"},
	{"brief seizure", "Insurgents briefly seized the district headquarters before withdrawing as reinforcements arrived, police said.", "ARMED_CLASH"},
	{"crime arrest smugglers", "Police arrested six suspected smugglers and seized 300 kilograms of cannabis at the port.", "ORG_CRIME"},
	{"crime arrest fraud", "Detectives arrested a bank manager on charges of fraud and money laundering, the prosecutor said.", "ORG_CRIME"},
	{"crime kidnapping gang arrested", "Police said they had arrested members of a gang that robbed travellers on the highway.", "ORG_CRIME"},
	{"arrest opposition", "Authorities arrested the leader of the main opposition party on Tuesday, accusing him of treason.", "ARREST"},
	{"arrest militants suspects", "Counter-terrorism police detained four men suspected of planning attacks on churches, officials said.", "ARREST"},
	{"weak troops deployed", "The army sent soldiers and armoured vehicles to the border region after tensions with the neighbouring country rose.", "CHANGE_TO_GROUP_ACT"},
	{"weak military drills", "Troops began large-scale military exercises near the border on Monday, the defence ministry said.", "CHANGE_TO_GROUP_ACT"},
	{"weak state of emergency", "The government declared a state of emergency in three provinces after a wave of attacks.", "CHANGE_TO_GROUP_ACT"},
	{"weak displaced camps", "Aid agencies said more than 50,000 people displaced by the conflict were living in makeshift camps.", "OTHER"},
	{"weak bodies found", "The bodies of six men with gunshot wounds were found dumped by the roadside outside the town, police said.", "OTHER"},
	{"clash prison break", "Gunmen attacked a prison in the south and freed dozens of inmates after a gunfight with guards.", "ARMED_CLASH"},
	{"clash security operation", "Two soldiers and five militants were killed during a security operation in the district on Tuesday.", "ARMED_CLASH"},
	{"attack village raid civ", "Armed bandits raided the village at night, killing 11 residents and rustling cattle.", "ATTACK"},
	{"agr deal withdraw", "Under the deal, the fighters and their families will be allowed to leave for the north in buses.", "AGREEMENT"},
	{"disr arms depot seized", "Troops seized an arms depot belonging to the militia, including rockets and mortar rounds.", "DISR_WEAP"},
	{"hq militants camp", "Militants have set up camps in the forest from which they launch raids on nearby villages, residents said.", "HQ_ESTABLISHED"},
	// Fourth round: peaceful protests whose grievance names violence or
	// arrests, and strategic developments in plain words.
	{"peace against killing", "Hundreds of students protested on campus against the killing of a classmate by unknown gunmen last week.", "PEACE_PROTEST"},
	{"peace release detained", "Relatives of detained activists staged a protest outside the prison, demanding their release.", "PEACE_PROTEST"},
	{"peace police brutality", "Thousands marched in the city on Saturday against police brutality, after a video of an arrest went viral.", "PEACE_PROTEST"},
	{"peace condemn airstrikes", "Demonstrators gathered in front of the embassy to condemn the air strikes on civilians in the neighbouring country.", "PEACE_PROTEST"},
	{"peace rally against terror", "Residents held a rally against terrorism a day after the suicide bombing that killed 30 people in the town.", "PEACE_PROTEST"},
	{"peace women march rape", "Women marched through the capital to denounce rape and violence against girls, carrying banners.", "PEACE_PROTEST"},
	{"peace traders shut shops", "Traders shut their shops and held a protest march against the rising number of robberies in the market.", "PEACE_PROTEST"},
	{"peace demand arrest killers", "Protesters chanted for hours outside the police headquarters, demanding the arrest of the killers of a local journalist.", "PEACE_PROTEST"},
	{"chg formed new unit", "The defence ministry formed a new rapid reaction force to guard the oil fields in the south.", "CHANGE_TO_GROUP_ACT"},
	{"chg joined army", "More than 200 former rebels joined the national army on Monday under the integration programme.", "CHANGE_TO_GROUP_ACT"},
	{"chg closed border", "The army closed the border crossing and stepped up patrols along the frontier, officials said.", "CHANGE_TO_GROUP_ACT"},
	{"chg withdrew troops base", "The United States has pulled its troops out of two bases in the north of the country.", "CHANGE_TO_GROUP_ACT"},
	{"disr police found bomb", "Police found a homemade bomb in a bag left at the train station and evacuated the area.", "DISR_WEAP"},
	{"disr weapons surrendered", "More than 300 fighters surrendered their weapons to the authorities in the province on Sunday.", "DISR_WEAP"},
	{"disr mines cleared", "Deminers cleared hundreds of landmines from farmland near the former front line.", "DISR_WEAP"},
	{"attack killed family", "Gunmen killed a couple and their three children at their home in the village, police said.", "ATTACK"},
	{"attack set upon travellers", "Suspected militants stopped a bus and shot dead six passengers after checking their identity cards.", "ATTACK"},
	// Fifth round: the weapon decides the type even when the target is
	// an armed force (ACLED codes remote violence by its means).
	{"gren on police post", "Militants lobbed a grenade at a police post in the old city, injuring three constables, officials said.", "GRENADE"},
	{"gren on army camp", "Suspected rebels carried out a grenade attack on an army camp late on Tuesday, wounding two soldiers.", "GRENADE"},
	{"gren thrown at patrol", "A grenade was thrown at a security forces patrol in the market area, injuring a soldier and four civilians.", "GRENADE"},
	{"rem ied patrol", "An improvised explosive device hit an army patrol in the district, killing two soldiers, the military said.", "REM_EXPLOS"},
	{"rem mine vehicle soldiers", "Four soldiers were killed when their vehicle struck a landmine planted by insurgents near the border.", "REM_EXPLOS"},
	{"rem police truck", "Insurgents blew up a police truck with a remote-controlled bomb on the highway, killing five policemen.", "REM_EXPLOS"},
	{"air rebels drones base", "Rebels launched a drone attack on an air base in the south, the coalition said, without reporting casualties.", "AIR_STRIKE"},
	{"art rockets base", "Several rockets hit a base hosting foreign troops north of the capital, causing minor damage, the military said.", "ART_MISS_ATTACK"},
	{"art shelled army positions", "Separatist forces shelled army positions near the town with heavy artillery overnight, the military said.", "ART_MISS_ATTACK"},
	{"clash guns and grenades", "Militants armed with rifles and grenades attacked a police station, sparking a gunfight that lasted three hours.", "ARMED_CLASH"},
	// Sixth round: the non-violent and non-ACLED labels against their
	// nearest violent neighbours.
	{"attrib claim via amaq", "The Islamic State group said through its Amaq news agency that its fighters were behind the shooting at the checkpoint.", "ATTRIB"},
	{"attrib officials blame", "Officials blamed al-Shabaab for the truck bombing that killed more than 20 people in the capital on Saturday.", "ATTRIB"},
	{"attrib no claim", "No group has claimed the attack, but suspicion fell on separatist rebels active in the area.", "ATTRIB"},
	{"attrib accuses over attack", "The army accused the rebels of being responsible for the massacre of villagers, a charge the group rejected.", "ATTRIB"},
	{"diplo talks ministers", "The two foreign ministers held talks in the capital on Monday on strengthening bilateral ties.", "DIPLO"},
	{"diplo condemns", "The government condemned the neighbouring country's decision to close its embassy and said it would respond.", "DIPLO"},
	{"diplo visa ban", "Washington imposed visa restrictions on officials it said were responsible for undermining democracy.", "DIPLO"},
	{"agr signed accord", "Leaders of the two rebel factions signed an accord to merge their forces and share power in the region.", "AGREEMENT"},
	{"agr ceasefire announced", "Both sides announced a week-long ceasefire to allow aid deliveries into the besieged city.", "AGREEMENT"},
	{"crime killed by gang", "Gang members shot dead a shop owner who refused to pay extortion money, police said.", "ORG_CRIME"},
	{"crime drug lord", "A notorious drug lord was killed in a shootout with police in the northern city.", "ORG_CRIME"},
	{"man explosion mine", "An explosion at a coal mine killed 20 miners on Tuesday, the mining authority said.", "MAN_MADE_DISASTER"},
	{"man cylinder", "A gas cylinder exploded in a restaurant, killing three people and injuring nine.", "MAN_MADE_DISASTER"},
	{"nat cyclone deaths", "The cyclone left at least 30 people dead and thousands homeless along the coast.", "NATURAL_DISASTER"},
	{"nat heavy rains mudslide", "Heavy rains triggered mudslides that buried houses in several villages, killing at least 12.", "NATURAL_DISASTER"},
	{"abduct state disappeared", "Rights groups say the student was taken by plain-clothes security agents and has not been seen since.", "ABDUCT_DISSAP"},
	{"abduct hostage taken", "Militants took six foreign workers hostage after storming their camp near the oil field.", "ABDUCT_DISSAP"},
	{"sex soldiers accused rape", "Several soldiers have been accused of raping women in villages during the offensive.", "SEX_VIOL"},
	{"prop mosque burned", "Unknown attackers set fire to a mosque in the town overnight, causing extensive damage but no casualties.", "PROPERTY_DISTRUCT"},
	{"prop crops destroyed", "Herders destroyed crops on farms in the area, prompting fears of reprisals, residents said.", "PROPERTY_DISTRUCT"},
	{"hq took up positions", "The militia has set up its headquarters in a former government building in the town centre.", "HQ_ESTABLISHED"},
	{"nvt handed prisons", "Kurdish forces handed over control of several camps and prisons to the central government.", "NON_VIOL_TERRIT_TRANSFER"},
	{"other refugees crossed", "More than 5,000 refugees crossed the border in a single day, fleeing the violence, the UN said.", "OTHER"},
	// Seventh round: ACLED codes a demonstration as a riot once the
	// demonstrators are violent, whatever the police do in return.
	{"viol tear gas at stone throwers", "Police fired tear gas at stone-throwing protesters in the city centre on Friday.", "VIOL_DEMONSTR"},
	{"viol killed in clashes with", "Two protesters were killed as demonstrators clashed with security forces in the capital, medics said.", "VIOL_DEMONSTR"},
	{"viol clashed rubber bullets", "Protesters clashed with police, who responded with tear gas and rubber bullets, in the third night of unrest.", "VIOL_DEMONSTR"},
	{"viol water cannon bottles", "Police used water cannon against demonstrators who threw bottles and fireworks outside the ministry.", "VIOL_DEMONSTR"},
	{"viol tyres dispersed", "Protesters burned tyres and blocked the highway before police dispersed them with tear gas.", "VIOL_DEMONSTR"},
	{"viol smashed windows arrests", "Riot police arrested dozens of people after protesters smashed shop windows in the shopping district.", "VIOL_DEMONSTR"},
	{"force peaceful shot", "Security forces opened fire on peaceful protesters in the southern city, killing four, a rights group said.", "FORCE_AGAINST_PROTEST"},
	{"force protester died beaten", "A protester died after being beaten by police during a sit-in against the new government, his family said.", "FORCE_AGAINST_PROTEST"},
	{"pwi detained march", "Police detained more than 100 people who tried to march to the city hall in defiance of a ban.", "PROTEST_WITH_INTER"},
	{"pwi blocked march", "Police blocked hundreds of farmers from marching into the capital, setting up barricades on the main road.", "PROTEST_WITH_INTER"},
	{"peace no incidents", "The rally ended without incident, and police said no arrests were made.", "PEACE_PROTEST"},
	// Eighth round: weapons disrupted, stored or given up.
	{"disr bomber shot before", "Police shot dead a would-be suicide bomber before he could detonate his vest at the checkpoint, officials said.", "DISR_WEAP"},
	{"disr foiled plot", "Security services said they had foiled a plot to bomb a shopping centre and seized explosives in the suspects' flat.", "DISR_WEAP"},
	{"disr ammunition buried", "Troops unearthed a large stock of ammunition and mortar bombs buried in a farm outside the town.", "DISR_WEAP"},
	{"disr rocket launchers found", "The army found rocket launchers and dozens of rockets ready for launch in an orchard near the border.", "DISR_WEAP"},
	{"disr explosives lab", "Soldiers destroyed a workshop used by the insurgents to make explosive devices, the military said.", "DISR_WEAP"},
	{"disr drones downed", "Air defence systems downed three drones over the airbase overnight, the ministry said.", "DISR_WEAP"},
	{"disr device found school", "An explosive device was discovered near a primary school and was later detonated by army engineers.", "DISR_WEAP"},
	{"hq moved headquarters", "The rebel alliance moved its headquarters to a town near the border, a spokesman said.", "HQ_ESTABLISHED"},
	{"nvt withdrew handed", "The army withdrew from the town and handed it over to a local militia allied with the government.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt rebels left city", "Rebel fighters left the city under an evacuation deal, allowing government troops to enter without resistance.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt ceded", "The separatists ceded control of two districts to the peacekeepers on Thursday.", "NON_VIOL_TERRIT_TRANSFER"},
	// Ninth round: an arrest told after the lede is a follow-up.
	{"lede attack then arrests", "Unidentified men attacked worshippers at a church in the village on Sunday. Police said they had detained four suspects.", "ATTACK"},
	{"lede arrests first", "Police detained four suspects on Monday over Sunday's attack on a church in the village.", "ARREST"},
	{"lede bomb then claim", "A car bomb exploded near a police station in the city on Friday, killing six people. The Taliban claimed responsibility for the attack.", "REM_EXPLOS"},
	{"lede killing then blame", "Gunmen killed 12 villagers in the north of the country on Sunday. Officials blamed the attack on jihadists.", "ATTACK"},
	{"lede clash then reinforcements", "Militants attacked an army base on Monday, killing four soldiers. The army has since deployed reinforcements to the area.", "ARMED_CLASH"},
	{"lede shelling then displaced", "Shelling killed three civilians in the frontline town on Wednesday. Hundreds of families have fled to nearby villages.", "ART_MISS_ATTACK"},
	// Tenth round: snippets naming both soldiers and militants that are
	// not armed clashes.
	{"nc soldiers killed civilians mistaken", "Soldiers killed three farmers they mistook for militants near the village, the army admitted on Tuesday.", "ATTACK"},
	{"nc militants surrendered", "Dozens of militants surrendered to the army with their weapons in the northern district on Saturday.", "CHANGE_TO_GROUP_ACT"},
	{"nc troops deployed against", "The government deployed additional troops to the province to counter the growing threat from militants.", "CHANGE_TO_GROUP_ACT"},
	{"nc militants executed captives", "The militants executed four captured soldiers and posted a video of the killings online.", "ATTACK"},
	{"nc security forces arrested militants", "Security forces arrested 11 militants during raids in the city, the police chief said.", "ARREST"},
	{"nc army jets hideouts", "Army jets destroyed militant hideouts in the mountains, killing dozens of fighters, the military said.", "AIR_STRIKE"},
	{"nc militants kidnapped soldiers' relatives", "Militants kidnapped the wives and children of two soldiers from their homes in the village.", "ABDUCT_DISSAP"},
	{"nc troops withdrew from base", "Government troops withdrew from a base in the north after the rebels advanced, officials said.", "CHANGE_TO_GROUP_ACT"},
	{"nc rebels set up checkpoints", "Rebels set up checkpoints on the main road into the city, searching vehicles, residents said.", "HQ_ESTABLISHED"},
	{"nc militants burned school", "Militants burned a government school in the village overnight; no one was hurt, police said.", "PROPERTY_DISTRUCT"},
	{"nc raid killed leader", "Special forces killed the group's leader in a night raid on his compound, officials said.", "ARMED_CLASH"},
	// Eleventh round: government forces taking ground, in wire phrasing.
	{"gov advanced into", "Syrian troops advanced into the last rebel-held neighbourhood of the city on Tuesday and took full control of it, state media said.", "GOV_REGAINS_TERIT"},
	{"gov expelled from", "The army expelled the jihadists from three villages in the south of the province after a week-long offensive.", "GOV_REGAINS_TERIT"},
	{"gov secured after clearing", "Iraqi forces secured the area after clearing it of Islamic State fighters, a military statement said.", "GOV_REGAINS_TERIT"},
	{"gov purged terrorists", "Army units purged the hills overlooking the town of terrorists and restored security there, the news agency reported.", "GOV_REGAINS_TERIT"},
	{"gov entered after clashes", "Government troops entered the rebel stronghold on Sunday after fierce clashes, and the rebels fled north.", "GOV_REGAINS_TERIT"},
	{"gov full control", "The Nigerian army says it is now in full control of the town, which Boko Haram had held for a year.", "GOV_REGAINS_TERIT"},
	{"gov freed villages", "Somali forces backed by AU troops freed several villages from al-Shabaab in the Lower Shabelle region.", "GOV_REGAINS_TERIT"},
	{"gov seized town from rebels", "Loyalist forces seized the town from the rebels after heavy fighting, a military source told AFP.", "GOV_REGAINS_TERIT"},
	{"nsa advanced captured", "The militants advanced on the town and captured it after the defenders ran out of ammunition, residents said.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	{"nsa took over government buildings", "Rebels took over government buildings in the regional capital and appointed their own governor.", "NON_STATE_ACTOR_OVERTAKES_TER"},
	// Twelfth round: riots in many words, and protests with police around.
	{"viol rampage", "Hundreds of youths went on the rampage in the town after the death of a local man in police custody, burning cars.", "VIOL_DEMONSTR"},
	{"viol clashes erupted", "Clashes erupted between demonstrators and police outside the parliament as lawmakers debated the bill.", "VIOL_DEMONSTR"},
	{"viol injured officers", "Protesters attacked a police station with stones, injuring seven officers, the interior ministry said.", "VIOL_DEMONSTR"},
	{"viol petrol bombs", "Masked demonstrators hurled petrol bombs at riot police, who fired tear gas in response.", "VIOL_DEMONSTR"},
	{"viol blocked roads burning", "Protesters blocked roads with burning tyres across the capital on Monday to demand the president's resignation.", "VIOL_DEMONSTR"},
	{"viol students clashed campus", "Students clashed with security guards on campus during a protest against tuition fees, and several were hurt.", "VIOL_DEMONSTR"},
	{"viol killed in riots", "At least three people were killed in riots that broke out after the election results were announced.", "VIOL_DEMONSTR"},
	{"viol looted during protests", "Shops were looted and a bank set on fire during protests against the rise in bread prices.", "VIOL_DEMONSTR"},
	{"peace police deployed", "Police deployed in large numbers as thousands of opposition supporters marched peacefully through the capital.", "PEACE_PROTEST"},
	{"peace march ended", "The march ended peacefully outside the prime minister's office, where leaders handed over a petition.", "PEACE_PROTEST"},
	{"peace injured anniversary", "Hundreds of people rallied on the anniversary of the massacre in which dozens of protesters were shot dead, demanding justice.", "PEACE_PROTEST"},
	{"force shot dead demonstrator", "A demonstrator was shot dead by security forces during a peaceful march in the capital on Friday, activists said.", "FORCE_AGAINST_PROTEST"},
	{"pwi tear gas no injuries", "Police fired tear gas to break up a sit-in by teachers outside the education ministry; no injuries were reported.", "PROTEST_WITH_INTER"},
	// Thirteenth round: disaster words used as metaphors.
	{"meta flooded streets", "Tens of thousands of protesters flooded the streets of the capital on Sunday, chanting against the junta.", "PEACE_PROTEST"},
	{"meta truce collapsed", "A week-old truce collapsed on Tuesday as rebels and government troops fought for control of the airport road.", "ARMED_CLASH"},
	{"meta outbreak of violence", "A fresh outbreak of violence between rival militias in the city left 14 fighters dead.", "ARMED_CLASH"},
	{"meta plunged into chaos", "The town was plunged into chaos when gunmen opened fire on shoppers at the market, killing nine.", "ATTACK"},
	{"disaster flooded homes", "The river burst its banks and flooded homes in low-lying villages, forcing thousands to leave.", "NATURAL_DISASTER"},
	// Fourteenth round: territory changing hands without a fight.
	{"nvt moved into abandoned base", "Russian military police moved into a base abandoned by US forces in northern Syria, a monitor said.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt deployed under deal", "Government troops deployed to border towns under a deal with the Kurdish-led forces, who withdrew from the area.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt entered after withdrew", "Turkish-backed fighters entered the town hours after the Kurdish forces withdrew, meeting no resistance.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt took over positions left", "The army took over positions left by the departing peacekeeping mission in the east.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt evacuated then entered", "Rebels evacuated the district on Thursday and regime forces entered it the following day.", "NON_VIOL_TERRIT_TRANSFER"},
	{"nvt transfer of control", "The transfer of control of the province from the foreign coalition to local security forces was completed on Monday.", "NON_VIOL_TERRIT_TRANSFER"},
	// Fifteenth round: looting and destruction of property.
	{"prop soldiers looted", "Soldiers looted homes and shops in the town after the rebels withdrew, residents said.", "PROPERTY_DISTRUCT"},
	{"prop party office torched", "The offices of the opposition party were torched overnight by unknown people, its spokesman said.", "PROPERTY_DISTRUCT"},
	{"prop church ablaze", "A church was set ablaze in the village on Sunday night; no casualties were reported.", "PROPERTY_DISTRUCT"},
	{"prop razed villages", "The militia razed three villages in the district, satellite images showed.", "PROPERTY_DISTRUCT"},
	{"prop telecom masts", "Insurgents destroyed two telecommunication masts in the province, cutting off mobile services.", "PROPERTY_DISTRUCT"},
	{"prop vandalised offices", "Unidentified men vandalised the electoral commission's offices and stole computers.", "PROPERTY_DISTRUCT"},
	{"prop warehouses looted", "Food warehouses of the aid agency were looted by armed men in the city, the UN said.", "PROPERTY_DISTRUCT"},
	{"prop statue pulled down", "A statue of the former president was pulled down and smashed by unknown people overnight.", "PROPERTY_DISTRUCT"},
	// Sixteenth round: claims, blame and denials in other words.
	{"attrib likely responsible", "Police say al-Shabaab is likely responsible for the attack on the bus that killed 12 passengers last week.", "ATTRIB"},
	{"attrib work of", "Investigators believe the blast was the work of a local cell linked to the Islamic State group.", "ATTRIB"},
	{"attrib said they carried out", "The Pakistani Taliban said they carried out Friday's bombing of a mosque in the northwest.", "ATTRIB"},
	{"attrib planted the bomb", "A previously unknown group said in an online statement that it had planted the bomb outside the court.", "ATTRIB"},
	{"attrib orchestrated by", "The government says the attack on the parliament was orchestrated by foreign-backed terrorists.", "ATTRIB"},
	{"attrib denied firing", "Hamas denied it had fired the rockets and said it was investigating.", "ATTRIB"},
	{"attrib pointed finger", "Officials pointed the finger at a rival militia over the assassination of the district governor.", "ATTRIB"},
	// Seventeenth round: weapons seized, intercepted or made safe, near
	// the crime, arrest and weapon labels.
	{"disr smuggled rifles", "Border guards seized a truck smuggling rifles and ammunition into the country, the interior ministry said.", "DISR_WEAP"},
	{"disr intercepted missile houthis", "Saudi air defences intercepted a ballistic missile fired by the Houthis towards the city of Jizan.", "DISR_WEAP"},
	{"disr destroyed drone before", "The coalition destroyed an explosive-laden drone launched by the rebels before it reached its target.", "DISR_WEAP"},
	{"disr dismantled bomb", "Security forces dismantled a bomb planted under a bridge on the main highway, the police said.", "DISR_WEAP"},
	{"disr neutralised ied", "Explosives experts neutralised an IED found near the market on Sunday morning.", "DISR_WEAP"},
	{"disr recovered explosives car", "Police recovered 25 kilograms of explosives from a car parked near the stadium.", "DISR_WEAP"},
	{"disr mortar rounds found", "Farmers found dozens of unexploded mortar rounds in a field and alerted the army, which removed them.", "DISR_WEAP"},
	{"disr weapons handover ceremony", "Former rebels handed over hundreds of weapons at a ceremony marking the end of the disarmament programme.", "DISR_WEAP"},
	// Eighteenth round: more government gains.
	{"gov2 taken control western part", "Iraqi forces have taken control of the western part of the city after a months-long battle, a commander said.", "GOV_REGAINS_TERIT"},
	{"gov2 drove out", "Troops drove al-Shabaab fighters out of the coastal town on Thursday, the regional administration said.", "GOV_REGAINS_TERIT"},
	{"gov2 announced liberation", "The army announced the liberation of the district from the terrorists after three days of fighting.", "GOV_REGAINS_TERIT"},
	{"gov2 saa villages", "The SAA took over two villages in the south of the province after the militants fled, a military source said.", "GOV_REGAINS_TERIT"},
	{"gov2 gains capturing", "Government forces made significant gains on Sunday, capturing two towns held by the rebels since 2013.", "GOV_REGAINS_TERIT"},
	{"gov2 reopened highway", "Security forces regained control of the highway linking the two cities after clearing it of militants.", "GOV_REGAINS_TERIT"},
	{"gov2 hezbollah syrian army", "The Syrian army and Hezbollah fighters seized the hilltop overlooking the border crossing from the militants.", "GOV_REGAINS_TERIT"},
	// Nineteenth round: messy wire copy: translated phrasing, fragments,
	// and context before the event.
	{"messy fna gov", "The Syrian Army troops continued their advances in Southern Idlib and took back control over a strategic town after fierce clashes with the terrorists, the field sources reported on Monday.", "GOV_REGAINS_TERIT"},
	{"messy sana clash", "Army units, in cooperation with the supporting forces, clashed with terrorist groups affiliated to Jabhat al-Nusra in the surroundings of the town, killing and injuring a number of them.", "ARMED_CLASH"},
	{"messy context first protest", "The country has been gripped by an economic crisis for months, with prices soaring. On Sunday, thousands of people rallied in the capital to demand the government resign.", "PEACE_PROTEST"},
	{"messy fragment air", "in the early hours of the morning, when warplanes struck the outskirts of the village, killing a woman and her two children, according to local sources", "AIR_STRIKE"},
	{"messy list clash", "Elsewhere in the province, militants attacked two security checkpoints overnight, sparking gun battles that left three policemen and five attackers dead.", "ARMED_CLASH"},
	{"messy translated arrest", "The internal security forces managed to arrest a wanted terrorist who had been involved in several terrorist operations against the citizens.", "ARREST"},
	{"messy translated disr", "Our units seized a large amount of weapons and ammunitions left behind by the terrorists in their dens in the countryside.", "DISR_WEAP"},
	{"messy translated chem", "The terrorists targeted the residential neighbourhoods with shells containing toxic gases, causing cases of suffocation among civilians.", "CHEM_WEAP"},
	{"messy long protest police", "Hundreds of people, many of them women and children, gathered in the main square of the town on Friday afternoon holding banners and chanting slogans against the decision, while police kept watch from a distance.", "PEACE_PROTEST"},
	{"messy riot translated", "Rioters set fire to a number of public and private properties and attacked the security forces with stones and Molotov cocktails in the city.", "VIOL_DEMONSTR"},
	// Twentieth round: demonstrators' violence decides the type even when
	// police answer with force.
	{"viol tried to storm", "Police fired tear gas at protesters who tried to storm the regional government building.", "VIOL_DEMONSTR"},
	{"viol water cannon highway", "Police used water cannons against demonstrators who had blocked a highway with burning barricades.", "VIOL_DEMONSTR"},
	{"viol live rounds torched", "Security forces fired live rounds at protesters who had torched government buildings, killing five, officials said.", "VIOL_DEMONSTR"},
	{"viol injured arrested clashes", "Several protesters were injured and dozens arrested after clashes with police in the city centre.", "VIOL_DEMONSTR"},
	{"viol protesters attacked convoy", "Protesters attacked the minister's convoy with stones as it left the town hall.", "VIOL_DEMONSTR"},
	{"force unarmed shot", "Police shot dead two unarmed demonstrators who were chanting slogans outside the governor's office.", "FORCE_AGAINST_PROTEST"},
	{"pwi police dispersed peaceful", "Police dispersed a peaceful gathering of students with batons, detaining at least 20 of them.", "PROTEST_WITH_INTER"},
	// Twenty-first round: aftermath after a weakly worded lede.
	{"after condemned", "Unidentified assailants attacked a village in the district on Sunday. The UN condemned the attack and urged the authorities to protect civilians.", "ATTACK"},
	{"after troops deployed", "Clashes broke out between rival militias in the town on Friday. The army deployed troops to the area to restore calm.", "ARMED_CLASH"},
	{"after fled", "Gunmen raided a market in the village on Tuesday, residents said. Hundreds of people fled to the nearby town.", "ATTACK"},
	// Twenty-second round: attacks staged against an armed group.
	{"staged against militia", "The jihadists staged an assault near the river crossing, north of the provincial capital, against a Kurdish-led militia on Friday.", "ARMED_CLASH"},
	{"staged on rebels", "Government-backed fighters launched an attack on rebels holding the hills above the town.", "ARMED_CLASH"},
	// Twenty-third round: peaceful protests about arrests and police.
	{"peace release detained journalists", "Hundreds protested outside the court on Monday demanding the release of detained journalists.", "PEACE_PROTEST"},
	{"peace sit-in arrest classmates", "Students staged a sit-in at the university to protest the arrest of three classmates last week.", "PEACE_PROTEST"},
	{"peace vigil prison", "Families of the detained held a candlelit vigil outside the prison where the activists are being held.", "PEACE_PROTEST"},
	{"peace marched police station", "Protesters marched to the police station where the opposition leader is being held and chanted for his freedom.", "PEACE_PROTEST"},
	{"peace rallied detention migrants", "Activists rallied in the capital against the detention of migrants in overcrowded camps.", "PEACE_PROTEST"},
	{"peace police escorted", "Police escorted the marchers through the city centre, and the demonstration passed off peacefully.", "PEACE_PROTEST"},
	{"force killed protest arrests", "At least four people were killed when police opened fire on a crowd protesting the arrest of a local cleric.", "FORCE_AGAINST_PROTEST"},
	{"pwi arrested organisers at march", "Police arrested the organisers of the march as it set off and confiscated banners, but no one was hurt.", "PROTEST_WITH_INTER"},
	// Twenty-fourth round: angry crowds that are demonstrating riot (violent
	// demonstration); outside a demonstration they are a mob.
	{"viol angry residents protest", "Angry residents blocked the highway with burning tyres to protest the killing of a motorcyclist by a police officer.", "VIOL_DEMONSTR"},
	{"viol mob of protesters", "A mob of protesters stormed the district police station and set vehicles on fire after the arrest of a local leader.", "VIOL_DEMONSTR"},
	{"viol angry youths protesting", "Angry youths protesting against power cuts torched an electricity substation in the town.", "VIOL_DEMONSTR"},
	{"mob angry crowd beat", "An angry crowd beat a man to death after accusing him of stealing a motorbike, police said.", "MOB_VIOL"},
	{"mob villagers clash", "Villagers from two neighbouring communities fought with sticks and machetes over a land dispute, leaving three dead.", "MOB_VIOL"},
	// Twenty-fifth round: chemical weapons in other words.
	{"chem breathing difficulties", "Dozens of residents suffered breathing difficulties after rockets carrying an unknown gas hit the district, doctors said.", "CHEM_WEAP"},
	{"chem white phosphorus", "Rights groups accused the army of firing white phosphorus shells on a populated area of the city.", "CHEM_WEAP"},
	{"chem choking agent", "Medics said the victims showed signs of exposure to a choking agent after the bombardment of the village.", "CHEM_WEAP"},
	{"chem gas-filled", "Militants launched gas-filled mortar rounds at government positions, injuring several soldiers, state media reported.", "CHEM_WEAP"},
	{"chem napalm", "Villagers said aircraft dropped napalm-like incendiary bombs on their fields.", "CHEM_WEAP"},
	// Twenty-sixth round: arrests for crimes are crime news; arrests of
	// activists and militants are arrests.
	{"crime cattle rustlers", "Police arrested five suspected cattle rustlers and recovered 40 stolen cows in the district.", "ORG_CRIME"},
	{"crime peddlers", "Anti-narcotics officers arrested three peddlers with 2 kilograms of methamphetamine.", "ORG_CRIME"},
	{"crime poachers", "Rangers arrested four poachers with ivory tusks at the edge of the national park.", "ORG_CRIME"},
	{"crime kidnap gang arrested", "Police arrested members of a kidnapping gang that had been demanding ransoms from businessmen.", "ORG_CRIME"},
	{"crime scammers", "Investigators arrested 20 people running an online investment scam that defrauded thousands.", "ORG_CRIME"},
	{"arrest activists", "Security agents arrested six pro-democracy activists at their homes before dawn, their lawyers said.", "ARREST"},
	{"arrest rebels commander", "Troops captured a rebel commander and two of his aides in a raid on a village, the army said.", "ARREST"},
	// Twenty-seventh round: agreements.
	{"agr cessation hostilities", "The army and the rebel coalition committed to a cessation of hostilities starting at midnight on Friday.", "AGREEMENT"},
	{"agr negotiated release", "Elders negotiated the release of 20 hostages held by the militia in exchange for food supplies.", "AGREEMENT"},
	{"agr renewed truce", "The two sides renewed the truce for another month after talks mediated by the United Nations.", "AGREEMENT"},
	{"agr roadmap", "Delegations from the government and the armed groups met in the capital and adopted a roadmap to end the conflict.", "AGREEMENT"},
	{"agr amnesty accepted", "Hundreds of militants accepted the government's amnesty offer and agreed to lay down their arms.", "AGREEMENT"},
	// Twenty-eighth round: "other" developments: graves, bodies, flight
	// and return.
	{"other bodies recovered", "Rescuers recovered the bodies of 14 people from a river near the border town, officials said.", "OTHER"},
	{"other returned home", "Thousands of displaced families returned to their villages after months in camps, the UN said.", "OTHER"},
	{"other grave exhumed", "Investigators began exhuming a grave believed to hold the remains of villagers who went missing in 2015.", "OTHER"},
	{"other deported", "The government deported 300 migrants to their home country on Tuesday, officials said.", "OTHER"},
	{"prop homes demolished", "Bulldozers demolished dozens of homes in the settlement, leaving families without shelter.", "PROPERTY_DISTRUCT"},
	{"prop crops burned", "Gunmen burned farms and granaries in three villages, forcing residents to flee.", "PROPERTY_DISTRUCT"},
	// Twenty-ninth round: attacks foiled before the weapon went off.
	{"disr foiled suicide attack", "Police foiled a suicide attack on a church when they stopped a man wearing an explosive vest at the gate.", "DISR_WEAP"},
	{"disr thwarted car bomb", "Security forces thwarted a car bomb attack by intercepting a vehicle packed with explosives on the highway.", "DISR_WEAP"},
	{"disr rocket shot down", "Air defences shot down a rocket fired towards the airport late on Sunday, the military said.", "DISR_WEAP"},
	{"disr grenade found", "A hand grenade was found in a bag near the bus station and made safe by the bomb squad.", "DISR_WEAP"},
}

func TestClassifyNewswire(t *testing.T) {
	c := newTestClassifier(t)
	fails := 0
	for _, tc := range newswireCases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.Best(tc.text)
			if got.Code != tc.want {
				fails++
				t.Errorf("Best(%q) = %q (%.1f), want %q; cues:%s", tc.text, got.Code, got.Score, tc.want, describeCues(got.Cues))
			}
		})
	}
	t.Logf("%d of %d wrong", fails, len(newswireCases))
}

// TestAttributionKeepsEvent checks that a claim ranked first does not drop
// the event it claims from Rank: the extractor codes the incident from it.
func TestAttributionKeepsEvent(t *testing.T) {
	c := newTestClassifier(t)
	rs := c.Rank("The group claimed responsibility on Sunday for an attack on an army checkpoint that killed six soldiers.")
	if len(rs) == 0 || rs[0].Code != "ATTRIB" {
		t.Fatalf("Rank: want ATTRIB first, got %v", rs)
	}
	for _, r := range rs[1:] {
		if r.Code == "ARMED_CLASH" {
			return
		}
	}
	t.Errorf("Rank dropped ARMED_CLASH: %v", rs)
}
