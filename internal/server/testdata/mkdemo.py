"""Writes demo.json: synthetic articles and their coded incidents for the
server and dashboard tests. Evidence offsets are computed from the quotes."""
import json, hashlib, os
def h(t): return hashlib.sha256(" ".join(t.split()).encode()).hexdigest()
arts = {
"a1": dict(outlet="Example Wire", title="Raid on Borno village leaves twelve dead", published="2024-03-06",
 text="MAIDUGURI, Nigeria (Example Wire) - Suspected insurgents killed twelve villagers and wounded four others in an overnight raid on Kautikari village in Chibok area of Borno State on Tuesday, residents said.\n"
      "The attackers came on motorcycles shortly after midnight and set fire to several houses, a community leader said by telephone.\n"
      "In a separate incident on Wednesday, soldiers repelled an assault on a military base in Monguno, killing five fighters, the army said in a statement.\n"
      "<script>alert('this line is untrusted text and must render as text')</script>\n",
 dropped=["Share this story on social media", "Advertisement"]),
"a2": dict(outlet="Coastal Courier", title="Roadside bomb kills three police officers near Afgooye", published="2024-03-06",
 text="A roadside bomb struck a police vehicle on the outskirts of Afgooye in Lower Shabelle region on 3 March, killing three officers.\n"
      "Al-Shabaab claimed responsibility in a statement on a website it uses.\n"
      "Two days later, residents of the Hodan district of Mogadishu marched peacefully to demand better security on the road.\n",
 dropped=["Related: more stories from the region"]),
"a3": dict(outlet="Gulf Daily Sample", title="Protester dies in Basra as power-cut demonstrations turn deadly", published="2024-03-09",
 text="Protesters gathered in Basra on Friday 8 March to denounce power cuts; police fired tear gas and live rounds, and one demonstrator died of his wounds, medics said.\n"
      "Separately, an air strike hit a vehicle near Sinjar in Nineveh province on Friday, killing two people, local officials said.\n",
 dropped=[]),
"a4": dict(outlet="Example Wire", title="Farmers abducted near Damboa; deadly clash near Gwoza", published="2024-03-21",
 text="Insurgents abducted nine farmers near Damboa in Borno State on 14 March, a local official said.\n"
      "On 20 March, troops clashed with fighters near Gwoza, where seven fighters and two soldiers were killed, according to a military source.\n"
      "Elsewhere in the state, a checkpoint came under fire on 21 March; casualties were not reported.\n",
 dropped=["Subscribe to our newsletter"]),
}
BORNO=dict(country="Nigeria", country_code="NG", iso=566, region="Western Africa", admin1="Borno")
incs = [
 dict(art="a1", date="2024-03-05", et="Violence against civilians", se="Attack", a1="Unidentified Armed Group (Nigeria)", i1=3, a2="Civilians (Nigeria)", i2=7,
      geo=dict(BORNO, admin2="Chibok", location="Kautikari", latitude=10.9, longitude=12.83, geo_precision=1), fat=12, wounded=4, ct="Civilian targeting",
      ev=[("event_date","on Tuesday"),("sub_event_type","killed twelve villagers"),("actor1","Suspected insurgents"),("actor2","villagers"),("location","Kautikari village"),("fatalities","killed twelve"),("wounded","wounded four")]),
 dict(art="a1", date="2024-03-06", et="Battles", se="Armed clash", a1="Military Forces of Nigeria (2023-)", i1=1, a2="Unidentified Armed Group (Nigeria)", i2=3,
      geo=dict(BORNO, admin2="Monguno", location="Monguno", latitude=12.67, longitude=13.61, geo_precision=1), fat=5,
      ev=[("event_date","on Wednesday"),("sub_event_type","repelled an assault"),("actor1","soldiers"),("actor2","fighters"),("location","Monguno"),("fatalities","killing five fighters")]),
 dict(art="a2", date="2024-03-03", et="Explosions/Remote violence", se="Remote explosive/landmine/IED", a1="Al Shabaab", i1=2, a2="Police Forces of Somalia (2022-)", i2=1,
      geo=dict(country="Somalia", country_code="SO", iso=706, region="Eastern Africa", admin1="Shabeellaha Hoose", admin2="Afgooye", location="Afgooye", latitude=2.14, longitude=45.12, geo_precision=2), fat=3, claimed="Al Shabaab",
      ev=[("event_date","on 3 March"),("sub_event_type","roadside bomb"),("actor1","Al-Shabaab claimed responsibility"),("actor2","police vehicle"),("location","outskirts of Afgooye"),("fatalities","killing three officers")]),
 dict(art="a2", date="2024-03-05", dp="Demonstrations", et="Protests", se="Peaceful protest", a1="Protesters (Somalia)", i1=6, a2="", i2=0,
      geo=dict(country="Somalia", country_code="SO", iso=706, region="Eastern Africa", admin1="Banaadir", admin2="Mogadishu", location="Mogadishu - Hodan", latitude=2.03, longitude=45.3, geo_precision=1), fat=0,
      ev=[("event_date","Two days later"),("sub_event_type","marched peacefully"),("actor1","residents"),("location","Hodan district of Mogadishu")]),
 dict(art="a3", date="2024-03-08", dp="Political violence; Demonstrations", et="Protests", se="Excessive force against protesters", a1="Police Forces of Iraq (2022-)", i1=1, a2="Protesters (Iraq)", i2=6,
      geo=dict(country="Iraq", country_code="IQ", iso=368, region="Middle East", admin1="Basra", admin2="Basrah", location="Basrah", latitude=30.51, longitude=47.78, geo_precision=1), fat=1,
      ev=[("event_date","Friday 8 March"),("sub_event_type","fired tear gas and live rounds"),("actor1","police"),("actor2","Protesters"),("location","Basra"),("fatalities","one demonstrator died")]),
 dict(art="a3", date="2024-03-08", et="Explosions/Remote violence", se="Air/drone strike", a1="Unidentified Military Forces", i1=8, a2="Civilians (Iraq)", i2=7,
      geo=dict(country="Iraq", country_code="IQ", iso=368, region="Middle East", admin1="Ninewa", admin2="Sinjar", location="Sinjar", latitude=36.32, longitude=41.87, geo_precision=2), fat=2,
      ev=[("event_date","on Friday"),("sub_event_type","air strike"),("actor2","two people"),("location","near Sinjar"),("fatalities","killing two people")]),
 dict(art="a4", date="2024-03-14", et="Violence against civilians", se="Abduction/forced disappearance", a1="Unidentified Armed Group (Nigeria)", i1=3, a2="Civilians (Nigeria)", i2=7,
      geo=dict(BORNO, admin2="Damboa", location="Damboa", latitude=11.15, longitude=12.76, geo_precision=2), fat=0, abducted=9, ct="Civilian targeting",
      ev=[("event_date","on 14 March"),("sub_event_type","abducted nine farmers"),("actor1","Insurgents"),("actor2","farmers"),("location","near Damboa"),("abducted","abducted nine")]),
 dict(art="a4", date="2024-03-20", et="Battles", se="Armed clash", a1="Military Forces of Nigeria (2023-)", i1=1, a2="Unidentified Armed Group (Nigeria)", i2=3,
      geo=dict(BORNO, admin2="Gwoza", location="Gwoza", latitude=11.08, longitude=13.69, geo_precision=2), fat=9, kbs={"Unidentified Armed Group (Nigeria)":7,"Military Forces of Nigeria (2023-)":2},
      ev=[("event_date","On 20 March"),("sub_event_type","clashed"),("actor1","troops"),("actor2","fighters near"),("location","near Gwoza"),("fatalities","seven fighters and two soldiers were killed")]),
 dict(art="a4", date="2024-03-21", et="Battles", se="Armed clash", a1="Unidentified Armed Group (Nigeria)", i1=3, a2="Military Forces of Nigeria (2023-)", i2=1,
      geo=dict(BORNO, location="Borno", latitude=None, longitude=None, geo_precision=3), fat=None,
      ev=[("event_date","on 21 March"),("sub_event_type","came under fire"),("actor2","a checkpoint")]),
]
out_arts=[]; ids={}
for k,a in arts.items():
    aid=h(a["text"]); ids[k]=aid
    lines=[]; off=0; n=1
    for ln in a["text"].split("\n")[:-1]:
        kind="body"
        lines.append(dict(kind=kind, text=ln, source_line=n, start=off, end=off+len(ln.encode())))
        off+=len(ln.encode())+1; n+=1
    for d in a["dropped"]:
        lines.append(dict(kind="dropped", reason="boilerplate", text=d, source_line=n, start=-1, end=-1)); n+=1
    out_arts.append(dict(id=aid, source="testdata/"+k+".txt", outlet=a["outlet"], title=a["title"],
        published=dict(time=a["published"]+"T00:00:00Z", precision=1, **{"from":"caller"}), text=a["text"], lines=lines, format="text"))
out_incs=[]
for i,x in enumerate(incs,1):
    a=arts[x["art"]]; text=a["text"].encode()
    ev=[]
    for f,q in x["ev"]:
        qb=q.encode(); s=text.find(qb)
        assert s>=0, q
        ev.append(dict(field=f,start=s,end=s+len(qb),quote=q,rule="fixture",article_id=ids[x["art"]]))
    g=x["geo"]
    inc=dict(event_id="SRX%03d"%i, doc=x["art"], article_id=ids[x["art"]], event_date=x["date"], time_precision=1,
        disorder_type=x.get("dp","Political violence"), event_type=x["et"], sub_event_type=x["se"],
        actor1=x["a1"], assoc_actor_1="", inter1=x["i1"], actor2=x["a2"], assoc_actor_2="", inter2=x["i2"],
        interaction=(min(x["i1"],x["i2"])*10+max(x["i1"],x["i2"])) if x["i2"] else x["i1"]*10,
        civilian_targeting=x.get("ct",""), country=g["country"], country_code=g["country_code"], iso=g["iso"], region=g["region"],
        admin1=g["admin1"], admin2=g.get("admin2",""), admin3="", location=g["location"], latitude=g["latitude"], longitude=g["longitude"],
        geo_precision=g["geo_precision"], fatalities=x["fat"], wounded=x.get("wounded"), abducted=x.get("abducted"), arrested=None,
        claimed_by=x.get("claimed",""), source=a["outlet"], notes=next(l for l in a["text"].split("\n") if dict(x["ev"])["sub_event_type"] in l), confidence=0.9, evidence=ev,
        sources=[dict(article_id=ids[x["art"]], doc=x["art"], outlet=a["outlet"], published=a["published"])])
    if "kbs" in x: inc["killed_by_side"]=x["kbs"]
    out_incs.append(inc)
json.dump(dict(note="Synthetic demo articles written for sitrep's own tests; the events are invented, the places and coordinates are real (approximate).",
    articles=out_arts, incidents=out_incs), open(os.path.join(os.path.dirname(os.path.abspath(__file__)),"demo.json"),"w"), indent=1, ensure_ascii=False)
print(len(out_arts), len(out_incs))
