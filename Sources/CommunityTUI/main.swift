import CNcurses
import CommunityModel
print("hi")
