print("raises runs")
raise ValueError("module code failed")
